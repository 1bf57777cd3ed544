package io.github.camellark.lark.testkit.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uploaded images and files, kept as files in the simulator's store directory. Part of {@link SimulatorState}. */
final class UploadStore {

    private final StateContext context;
    private final Path storeDir;
    private final Map<String, StoredResource> resources = new LinkedHashMap<>();

    UploadStore(StateContext context, Path storeDir) {
        this.context = context;
        this.storeDir = storeDir;
    }

    /** Forgets every upload (call with the lock held); returns them, for {@link #deleteFiles} once the lock is released. */
    List<StoredResource> clear() {
        List<StoredResource> stored = List.copyOf(resources.values());
        resources.clear();
        return stored;
    }

    static void deleteFiles(List<StoredResource> stored) {
        for (StoredResource resource : stored) {
            try {
                Files.deleteIfExists(resource.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    StoredResource storeUpload(StoredResource.Kind kind, String type, String fileName, String contentType,
            Path uploadedFile, long size, Integer durationMs) {
        String key = kind == StoredResource.Kind.IMAGE ? context.ids.imageKey() : context.ids.fileKey();
        Path target = storeDir.resolve(key);
        try {
            Files.move(uploadedFile, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // images carry no file name of their own; Lark names downloads after the key
        String name = fileName != null ? fileName
                : key + "." + contentType.substring(contentType.indexOf('/') + 1).replace("jpeg", "jpg").replace("x-icon", "ico");
        StoredResource resource = new StoredResource(kind, key, type, name, contentType, size, durationMs, target, context.now());
        synchronized (context.lock) {
            resources.put(key, resource);
        }
        return resource;
    }

    StoredResource storeBytes(StoredResource.Kind kind, String type, String fileName, String contentType, byte[] bytes) {
        try {
            Path temp = Files.createTempFile(storeDir, "bytes-", ".tmp");
            Files.write(temp, bytes);
            return storeUpload(kind, type, fileName, contentType, temp, bytes.length, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<StoredResource> resource(String key) {
        synchronized (context.lock) {
            return Optional.ofNullable(resources.get(key));
        }
    }

    List<StoredResource> ofKind(StoredResource.Kind kind) {
        synchronized (context.lock) {
            return resources.values().stream().filter(r -> r.kind() == kind).toList();
        }
    }
}
