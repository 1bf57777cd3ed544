package io.github.camellark.lark.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Lark played by WireMock on 127.0.0.1 and a free port: the one way the WireMock-based tests start it. */
public final class WireMockLark {

    public static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

    private WireMockLark() {
    }

    /** A started WireMock on 127.0.0.1; stop it after the tests. */
    public static WireMockServer start() {
        WireMockServer lark = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        lark.start();
        return lark;
    }

    /** Lark's reply to a tenant token request. */
    public static String tokenJson(String token, long expire) {
        return "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + token + "\",\"expire\":" + expire + "}";
    }

    /** The token endpoint answers every request with {@code token}. */
    public static void tokenEndpointAnswers(WireMockServer lark, String token, long expire) {
        lark.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(tokenJson(token, expire))));
    }
}
