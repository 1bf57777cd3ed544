package io.github.camellark.lark.producer;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ImageHandlerTest extends LarkTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4 };
    private static final String UPLOADED = success("{\"image_key\":\"img_v2_uploaded\"}");

    @TempDir
    Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("inbox") + "?initialDelay=0&delay=10").to("lark:image").to("mock:uploaded");
            }
        };
    }

    @Test
    void uploadSendsImageTypeAndTheBytesAsMultipartAndSetsTheImageKey() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(UPLOADED)));

        Exchange result = template.send("lark:image", e -> {
            e.getMessage().setBody(PNG);
            e.getMessage().setHeader(LarkConstants.FILE_NAME, "chart.png");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.IMAGE_KEY)).isEqualTo("img_v2_uploaded");
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("image_key", "img_v2_uploaded");
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/im/v1/images"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withHeader("Content-Length", equalTo(String.valueOf(businessRequests().get(0).getBody().length)))
                .withRequestBodyPart(aMultipart().withName("image_type").withBody(equalTo("message")).build())
                .withRequestBodyPart(aMultipart().withName("image")
                        .withHeader("Content-Disposition", containing("filename=\"chart.png\""))
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(binaryEqualTo(PNG)).build()));
        assertThat(businessRequests()).hasSize(1);
    }

    @Test
    void avatarImageTypeFromTheHeader() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(UPLOADED)));

        Exchange result = template.send("lark:image?operation=upload", e -> {
            e.getMessage().setBody(PNG);
            e.getMessage().setHeader(LarkConstants.IMAGE_TYPE, "avatar");
        });

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/im/v1/images"))
                .withRequestBodyPart(aMultipart().withName("image_type").withBody(equalTo("avatar")).build())
                .withRequestBodyPart(aMultipart().withName("image")
                        .withHeader("Content-Disposition", containing("filename=\"image\""))
                        .withHeader("Content-Type", equalTo("application/octet-stream"))
                        .withBody(binaryEqualTo(PNG)).build()));
    }

    @Test
    void uploadsAFileBodyUnderItsOwnName() throws Exception {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(UPLOADED)));
        File file = Files.write(dir.resolve("photo.jpg"), PNG).toFile();

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(file));

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/im/v1/images"))
                .withRequestBodyPart(aMultipart().withName("image")
                        .withHeader("Content-Disposition", containing("filename=\"photo.jpg\""))
                        .withHeader("Content-Type", equalTo("image/jpeg"))
                        .withBody(binaryEqualTo(PNG)).build()));
    }

    @Test
    void uploadsAPathBody() throws Exception {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(UPLOADED)));
        Path path = Files.write(dir.resolve("diagram.gif"), PNG);

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(path));

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/im/v1/images"))
                .withRequestBodyPart(aMultipart().withName("image")
                        .withHeader("Content-Disposition", containing("filename=\"diagram.gif\""))
                        .withBody(binaryEqualTo(PNG)).build()));
    }

    @Test
    void uploadsAnInputStreamOfUnknownLength() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(UPLOADED)));
        InputStream stream = new java.io.BufferedInputStream(new ByteArrayInputStream(PNG));

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(stream));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.IMAGE_KEY)).isEqualTo("img_v2_uploaded");
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/im/v1/images"))
                .withRequestBodyPart(aMultipart().withName("image").withBody(binaryEqualTo(PNG)).build()));
    }

    @Test
    void uploadsTheGenericFileOfAFileConsumer() throws Exception {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(UPLOADED)));
        MockEndpoint uploaded = getMockEndpoint("mock:uploaded");
        uploaded.expectedHeaderReceived(LarkConstants.IMAGE_KEY, "img_v2_uploaded");

        Files.createDirectories(dir.resolve("inbox"));
        Files.write(dir.resolve("inbox").resolve("scan.png"), PNG);

        uploaded.assertIsSatisfied();
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/im/v1/images"))
                .withRequestBodyPart(aMultipart().withName("image")
                        .withHeader("Content-Disposition", containing("filename=\"scan.png\""))
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(binaryEqualTo(PNG)).build()));
    }

    @Test
    void aThrottledUploadIsSentAgainWholeWhenTheBodyCanBeReplayed() {
        throttleOnce();

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(PNG));

        assertThat(result.getException()).isNull();
        assertThat(businessRequests()).hasSize(2);
        lark.verify(2, postRequestedFor(urlEqualTo("/open-apis/im/v1/images"))
                .withRequestBodyPart(aMultipart().withName("image").withBody(binaryEqualTo(PNG)).build()));
    }

    @Test
    void aThrottledStreamUploadIsNotRepeatedBecauseTheStreamIsGone() {
        throttleOnce();

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(new java.io.BufferedInputStream(new ByteArrayInputStream(PNG))));

        assertThat(result.getException()).isInstanceOf(io.github.camellark.lark.client.LarkApiException.class)
                .hasMessageContaining("99991400");
        assertThat(businessRequests()).hasSize(1);
    }

    @Test
    void aStreamUploadWhoseTokenExpiredFailsWithTheTokenErrorNotByReplayingTheStream() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).inScenario("expired").whenScenarioStateIs("Started")
                .willReturn(larkError(400, 99991663, "Invalid access token for authorization")).willSetStateTo("renewed"));
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).inScenario("expired").whenScenarioStateIs("renewed")
                .willReturn(okJson(UPLOADED)));

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(new java.io.BufferedInputStream(new ByteArrayInputStream(PNG))));

        assertThat(result.getException()).isInstanceOf(io.github.camellark.lark.client.LarkApiException.class)
                .hasMessageContaining("99991663");
        assertThat(businessRequests()).as("the one-shot stream is not sent again").hasSize(1);
        Exchange next = template.send("lark:image", e -> e.getMessage().setBody(new java.io.BufferedInputStream(new ByteArrayInputStream(PNG))));
        assertThat(next.getException()).as("the next call has a fresh token").isNull();
        lark.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    private static void throttleOnce() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).inScenario("throttled").whenScenarioStateIs("Started")
                .willReturn(larkError(429, 99991400, "request trigger frequency limit").withHeader("x-ogw-ratelimit-reset", "0"))
                .willSetStateTo("open"));
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).inScenario("throttled").whenScenarioStateIs("open")
                .willReturn(okJson(UPLOADED)));
    }

    @Test
    void emptyUploadFailsBeforeAnyRequest() {
        Exchange bytes = template.send("lark:image", e -> e.getMessage().setBody(new byte[0]));
        Exchange stream = template.send("lark:image", e -> e.getMessage().setBody(new java.io.BufferedInputStream(InputStream.nullInputStream())));

        assertThat(bytes.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty (0 bytes)");
        assertThat(stream.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty (0 bytes)");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void imageOverTenMegabytesFailsBeforeAnyRequestNamingLimitAndSize() throws Exception {
        Path big = dir.resolve("huge.png");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(10L * 1024 * 1024 + 1);
        }

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(big));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 MB (10485760 bytes)").hasMessageContaining("got 10485761 bytes");
        assertThat(businessRequests()).isEmpty();
        assertThat(lark.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).isEmpty();
    }

    @Test
    void streamOverTenMegabytesIsCutOffWhileUploading() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(UPLOADED)));
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 7);
                return len;
            }
        };

        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(endless));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 MB (10485760 bytes)").hasMessageContaining("more than 10485760 bytes");
        assertThat(result.getMessage().getHeader(LarkConstants.IMAGE_KEY)).isNull();
    }

    @Test
    void unknownImageTypeFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:image?imageType=banner", e -> e.getMessage().setBody(PNG));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageType must be message or avatar").hasMessageContaining("'banner'");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void bodyThatIsNoFileFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:image", e -> e.getMessage().setBody(null));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("byte[], InputStream, File, Path or GenericFile");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void downloadStreamsTheImageWithItsNameAndType() throws Exception {
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/images/img_v2_abc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png")
                .withHeader("Content-Disposition", "attachment; filename=\"chart.png\"")
                .withHeader("X-Tt-Logid", "log-download")
                .withBody(PNG)));

        Exchange result = template.send("lark:image?operation=download", e -> e.getMessage().setHeader(LarkConstants.IMAGE_KEY, "img_v2_abc"));

        assertThat(result.getException()).isNull();
        Object body = result.getMessage().getBody();
        assertThat(body).isInstanceOf(InputStream.class);
        try (InputStream in = (InputStream) body) {
            assertThat(in.readAllBytes()).isEqualTo(PNG);
        }
        assertThat(result.getMessage().getHeader(LarkConstants.FILE_NAME)).isEqualTo("chart.png");
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(result.getMessage().getHeader(LarkConstants.LOG_ID)).isEqualTo("log-download");
        lark.verify(getRequestedFor(urlEqualTo("/open-apis/im/v1/images/img_v2_abc"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN)));
    }

    @Test
    void downloadOfAnUnknownImageFailsWithLarksError() {
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/images/img_gone")).willReturn(larkError(400, 234001, "invalid image key")));

        Exchange result = template.send("lark:image?operation=download&imageKey=img_gone", e -> {
        });

        assertThat(result.getException()).isInstanceOf(io.github.camellark.lark.client.LarkApiException.class)
                .hasMessageContaining("234001");
    }

    @Test
    void downloadWithoutImageKeyFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:image?operation=download", e -> e.getMessage().setBody("x".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imageKey")
                .hasMessageContaining(LarkConstants.IMAGE_KEY);
        assertThat(businessRequests()).isEmpty();
    }
}
