package io.github.camellark.lark.producer;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class FileHandlerTest extends LarkTestSupport {

    private static final byte[] PDF = "%PDF-1.7 minimal".getBytes(StandardCharsets.US_ASCII);
    private static final String UPLOADED = success("{\"file_key\":\"file_v3_uploaded\"}");

    @TempDir
    Path dir;

    @Test
    void uploadSendsTypeNameAndBytesAsMultipartAndSetsTheFileKey() throws Exception {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/files")).willReturn(okJson(UPLOADED)));
        Path report = Files.write(dir.resolve("report.pdf"), PDF);

        Exchange result = template.send("lark:file", e -> e.getMessage().setBody(report.toFile()));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.FILE_KEY)).isEqualTo("file_v3_uploaded");
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("file_key", "file_v3_uploaded");
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/im/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart().withName("file_type").withBody(equalTo("pdf")).build())
                .withRequestBodyPart(aMultipart().withName("file_name").withBody(equalTo("report.pdf")).build())
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"report.pdf\""))
                        .withHeader("Content-Type", equalTo("application/pdf"))
                        .withBody(binaryEqualTo(PDF)).build()));
        String body = businessRequests().get(0).getBodyAsString();
        assertThat(body).doesNotContain("name=\"duration\"");
    }

    @Test
    void givenTypeNameAndDurationWinAndBytesNeedAName() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/files")).willReturn(okJson(UPLOADED)));
        byte[] audio = { 'O', 'g', 'g', 'S', 0, 2 };

        Exchange result = template.send("lark:file?fileType=opus", e -> {
            e.getMessage().setBody(audio);
            e.getMessage().setHeader(LarkConstants.FILE_NAME, "voice.ogg");
            e.getMessage().setHeader(LarkConstants.DURATION, 3500);
        });

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/im/v1/files"))
                .withRequestBodyPart(aMultipart().withName("file_type").withBody(equalTo("opus")).build())
                .withRequestBodyPart(aMultipart().withName("file_name").withBody(equalTo("voice.ogg")).build())
                .withRequestBodyPart(aMultipart().withName("duration").withBody(equalTo("3500")).build())
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"voice.ogg\""))
                        .withBody(binaryEqualTo(audio)).build()));
    }

    @Test
    void fileTypeIsInferredFromTheExtension() {
        assertThat(FileHandler.typeOf("a.PDF")).isEqualTo("pdf");
        assertThat(FileHandler.typeOf("clip.mp4")).isEqualTo("mp4");
        assertThat(FileHandler.typeOf("voice.opus")).isEqualTo("opus");
        assertThat(FileHandler.typeOf("plan.docx")).isEqualTo("doc");
        assertThat(FileHandler.typeOf("sheet.xlsx")).isEqualTo("xls");
        assertThat(FileHandler.typeOf("deck.ppt")).isEqualTo("ppt");
        assertThat(FileHandler.typeOf("notes.txt")).isEqualTo("stream");
        assertThat(FileHandler.typeOf("README")).isEqualTo("stream");
    }

    @Test
    void aCamelFileNameHeaderNamesAStream() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/files")).willReturn(okJson(UPLOADED)));

        Exchange result = template.send("lark:file", e -> {
            e.getMessage().setBody(new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(PDF)));
            e.getMessage().setHeader(Exchange.FILE_NAME, "archive/2024/q1.xlsx");
        });

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/im/v1/files"))
                .withRequestBodyPart(aMultipart().withName("file_type").withBody(equalTo("xls")).build())
                .withRequestBodyPart(aMultipart().withName("file_name").withBody(equalTo("q1.xlsx")).build())
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(PDF)).build()));
    }

    @Test
    void missingFileNameFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:file", e -> e.getMessage().setBody(PDF));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs fileName")
                .hasMessageContaining(LarkConstants.FILE_NAME);
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void unknownFileTypeFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:file?fileType=docx&fileName=a.docx", e -> e.getMessage().setBody(PDF));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opus, mp4, pdf, doc, xls, ppt, stream").hasMessageContaining("'docx'");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void negativeOrNonNumericDurationFailsBeforeAnyRequest() {
        Exchange negative = template.send("lark:file?fileName=a.mp4&duration=-1", e -> e.getMessage().setBody(PDF));
        Exchange text = template.send("lark:file?fileName=a.mp4", e -> {
            e.getMessage().setBody(PDF);
            e.getMessage().setHeader(LarkConstants.DURATION, "long");
        });

        assertThat(negative.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
        assertThat(text.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'long'");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void emptyFileFailsBeforeAnyRequest() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));

        Exchange result = template.send("lark:file", e -> e.getMessage().setBody(empty));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty (0 bytes)");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void fileOverThirtyMegabytesFailsBeforeAnyRequestNamingLimitAndSize() throws Exception {
        Path big = dir.resolve("huge.mp4");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(30L * 1024 * 1024 + 5);
        }

        Exchange result = template.send("lark:file", e -> e.getMessage().setBody(big.toFile()));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30 MB (31457280 bytes)").hasMessageContaining("got 31457285 bytes");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void thirtyMegabytesExactlyIsNotRejectedByTheGuard() throws Exception {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/files")).willReturn(okJson(UPLOADED)));
        Path limit = dir.resolve("limit.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(limit.toFile(), "rw")) {
            sparse.setLength(30L * 1024 * 1024);
        }

        Exchange result = template.send("lark:file", e -> e.getMessage().setBody(limit));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.FILE_KEY)).isEqualTo("file_v3_uploaded");
    }

    @Test
    void downloadStreamsTheFileWithTheRfc5987NameAndType() throws Exception {
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/files/file_v3_abc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition", "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E5%91%A8%E6%8A%A5.pdf")
                .withBody(PDF)));

        Exchange result = template.send("lark:file?operation=download&fileKey=file_v3_abc", e -> {
            e.getMessage().setHeader(LarkConstants.FILE_NAME, "stale-name-from-before.txt");
        });

        assertThat(result.getException()).isNull();
        try (InputStream in = result.getMessage().getBody(InputStream.class)) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        assertThat(result.getMessage().getHeader(LarkConstants.FILE_NAME)).isEqualTo("周报.pdf");
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/pdf");
        lark.verify(getRequestedFor(urlEqualTo("/open-apis/im/v1/files/file_v3_abc"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN)));
    }

    @Test
    void downloadWithoutContentDispositionLeavesNoStaleName() throws Exception {
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/files/file_v3_anon")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(PDF)));

        Exchange result = template.send("lark:file?operation=download", e -> {
            e.getMessage().setHeader(LarkConstants.FILE_KEY, "file_v3_anon");
            e.getMessage().setHeader(LarkConstants.FILE_NAME, "stale.txt");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.FILE_NAME)).isNull();
        lark.verify(getRequestedFor(urlEqualTo("/open-apis/im/v1/files/file_v3_anon")).withHeader("Content-Disposition", absent()));
    }
}
