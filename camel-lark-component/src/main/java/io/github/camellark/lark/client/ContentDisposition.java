package io.github.camellark.lark.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The file name of a download, from its {@code Content-Disposition} header: {@code filename*} (RFC 5987,
 * {@code UTF-8''%E6%8A%A5%E5%91%8A.pdf}) wins over {@code filename} (quoted or plain), as RFC 6266 says.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /** The file name without any directories, or null when the header is absent or names none. */
    public static String fileName(String header) {
        if (header == null) {
            return null;
        }
        Map<String, String> params = parameters(header);
        String extended = params.get("filename*");
        if (extended != null) {
            String decoded = lastSegment(decodeExtended(extended));
            if (decoded != null) {
                return decoded;
            }
        }
        return lastSegment(params.get("filename"));
    }

    /** Only the part after the last '/' or '\\': a name from the network must not lead a file producer elsewhere. */
    private static String lastSegment(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return last.isEmpty() || ".".equals(last) || "..".equals(last) ? null : last;
    }

    private static Map<String, String> parameters(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int at = eq + 1;
            while (at < header.length() && header.charAt(at) == ' ') {
                at++;
            }
            StringBuilder value = new StringBuilder();
            if (at < header.length() && header.charAt(at) == '"') {
                at++;
                while (at < header.length() && header.charAt(at) != '"') {
                    char c = header.charAt(at);
                    if (c == '\\' && at + 1 < header.length()) {
                        at++;
                        c = header.charAt(at);
                    }
                    value.append(c);
                    at++;
                }
                at = header.indexOf(';', at);
            } else {
                int end = header.indexOf(';', at);
                value.append(header, at, end < 0 ? header.length() : end);
                at = end;
            }
            params.putIfAbsent(name, value.toString().trim());
            i = at;
        }
        return params;
    }

    /** {@code charset'language'percent-encoded-bytes}. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first).trim());
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '%') {
                return null;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(charset));
            }
        }
        return bytes.toString(charset);
    }
}
