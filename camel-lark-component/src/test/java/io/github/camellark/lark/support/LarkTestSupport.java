package io.github.camellark.lark.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.camellark.lark.LarkComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Base of producer tests: a WireMock Lark on 127.0.0.1, the {@code lark} component pointed at it with test credentials,
 * and a tenant token stub ({@link SecretsNeverLoggedExtension} fails a test that logs {@link #APP_SECRET} or
 * {@link #TENANT_TOKEN}).
 */
public abstract class LarkTestSupport extends CamelTestSupport {

    public static final String APP_ID = "cli_test_app";
    public static final String APP_SECRET = "app-secret-never-logged-0001";
    public static final String TENANT_TOKEN = "t-tenant-token-never-logged-0001";
    public static final String TOKEN_PATH = WireMockLark.TOKEN_PATH;

    protected static WireMockServer lark;

    @BeforeAll
    static void startLark() {
        lark = WireMockLark.start();
    }

    @AfterAll
    static void stopLark() {
        lark.stop();
    }

    @BeforeEach
    void stubTenantToken() {
        lark.resetAll();
        WireMockLark.tokenEndpointAnswers(lark, TENANT_TOKEN, 7200);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LarkComponent component = context.getComponent("lark", LarkComponent.class);
        component.getConfiguration().setBaseUri(lark.baseUrl());
        component.getConfiguration().setAppId(APP_ID);
        component.getConfiguration().setAppSecret(APP_SECRET);
        component.getConfiguration().setRetryBackoff(10);
        component.getConfiguration().setMaxRetryWait(2000);
        return context;
    }

    /** A Lark success envelope around a data object given as JSON. */
    protected static String success(String dataJson) {
        return "{\"code\":0,\"msg\":\"success\",\"data\":" + dataJson + "}";
    }

    /** A Lark error reply: HTTP status, code and msg. */
    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder larkError(int status, long code, String msg) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Tt-Logid", "log-" + code)
                .withBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
    }

    /** The requests Lark received, token requests excluded. */
    protected static java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> businessRequests() {
        return lark.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())).stream()
                .filter(r -> !r.getUrl().startsWith(TOKEN_PATH)).toList();
    }
}
