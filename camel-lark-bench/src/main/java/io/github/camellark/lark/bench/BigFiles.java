package io.github.camellark.lark.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateFileReq;
import com.lark.oapi.service.im.v1.model.CreateFileReqBody;
import com.lark.oapi.service.im.v1.model.CreateFileResp;
import com.lark.oapi.service.im.v1.model.GetFileReq;
import com.lark.oapi.service.im.v1.model.GetFileResp;
import io.github.camellark.lark.LarkComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * 3. The child JVMs of the big-file section: upload the prepared file, then download the stub's big resource to disk,
 * each under a {@link HeapWatch}. Prints {@code RESULT upload.*} and {@code RESULT download.*} lines.
 */
final class BigFiles {

    private BigFiles() {
    }

    static void camel() throws Exception {
        Path upload = Path.of(System.getProperty("bench.uploadFile"));
        Path downloadDir = Path.of(System.getProperty("bench.downloadDir"));
        try (CamelContext context = new DefaultCamelContext(); HeapWatch watch = new HeapWatch()) {
            LarkComponent lark = new LarkComponent();
            lark.getConfiguration().setAppId(BenchApp.APP_ID);
            lark.getConfiguration().setAppSecret(BenchApp.APP_SECRET);
            lark.getConfiguration().setBaseUri(ChildModes.baseUri().toString());
            context.addComponent("lark", lark);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to("lark:file?fileType=stream&fileName=big.bin");
                    from("direct:download").to("lark:file?operation=download&fileKey=" + StubLarkServer.FILE_KEY)
                            .to("file:" + downloadDir + "?fileName=camel-download.bin");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            measure("upload", watch, () -> check(template.send("direct:upload", e -> e.getMessage().setBody(upload))));
            measure("download", watch, () -> check(template.send("direct:download", e -> {
            })));
            ChildModes.result("download.bytes", Files.size(downloadDir.resolve("camel-download.bin")));
        }
    }

    static void sdk() throws Exception {
        Path upload = Path.of(System.getProperty("bench.uploadFile"));
        Path downloadDir = Path.of(System.getProperty("bench.downloadDir"));
        Client client = Client.newBuilder(BenchApp.APP_ID, BenchApp.APP_SECRET).openBaseUrl(ChildModes.baseUri().toString()).build();
        try (HeapWatch watch = new HeapWatch()) {
            measure("upload", watch, () -> {
                CreateFileResp response = client.im().file().create(CreateFileReq.newBuilder()
                        .createFileReqBody(CreateFileReqBody.newBuilder().fileType("stream").fileName("big.bin")
                                .file(new File(upload.toString())).build())
                        .build());
                if (!response.success()) {
                    throw new IllegalStateException("upload failed: " + response.getCode() + " " + response.getMsg());
                }
            });
            Path target = downloadDir.resolve("sdk-download.bin");
            measure("download", watch, () -> {
                GetFileResp response = client.im().file().get(GetFileReq.newBuilder().fileKey(StubLarkServer.FILE_KEY).build());
                if (!response.success()) {
                    throw new IllegalStateException("download failed: " + response.getCode() + " " + response.getMsg());
                }
                response.writeFile(target.toString());
            });
            ChildModes.result("download.bytes", Files.size(target));
        }
    }

    private interface Transfer {
        void run() throws Exception;
    }

    private static void measure(String name, HeapWatch watch, Transfer transfer) throws Exception {
        watch.start();
        long start = System.nanoTime();
        transfer.run();
        long nanos = System.nanoTime() - start;
        HeapWatch.Growth growth = watch.stop();
        ChildModes.result(name + ".seconds", nanos / 1e9);
        ChildModes.result(name + ".peakLive", growth.peakLive());
        ChildModes.result(name + ".sampledLive", growth.sampledLive());
        ChildModes.result(name + ".afterGc", growth.afterGc());
        ChildModes.result(name + ".oldGenPeak", growth.oldGenPeak());
        ChildModes.result(name + ".rawPeak", growth.rawPeak());
        ChildModes.result(name + ".samples", growth.samples());
    }

    private static void check(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("transfer failed", exchange.getException());
        }
    }
}
