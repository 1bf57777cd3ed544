package io.github.camellark.lark;

import io.github.camellark.lark.support.LogCapture;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The component under Camel Main, configured by camel.component.lark.* properties. */
class CamelMainTest {

    /**
     * Camel masks a summary line when the property's name is one of its sensitive keywords; the component adds its secret
     * option names to them (webhookUrl and botSecret are not Camel keywords).
     */
    @Test
    void theStartUpSummaryMasksEverySecretOption() throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:camel-main-secrets.properties");
        try {
            main.start();

            assertThat(main.getCamelContext().getComponent("lark", LarkComponent.class).getConfiguration().getAppSecret())
                    .isEqualTo("literal-app-secret-0001");
        } finally {
            main.stop();
        }

        assertThat(LogCapture.linesContaining("literal-")).as("log lines with a literal secret").isEmpty();
        assertThat(LogCapture.linesContaining("camel.component.lark.appSecret = xxxxxx",
                "camel.component.lark.encryptKey = xxxxxx", "camel.component.lark.verificationToken = xxxxxx",
                "camel.component.lark.botSecret = xxxxxx", "camel.component.lark.webhookUrl = xxxxxx",
                "camel.component.lark.userAccessToken = xxxxxx")).hasSize(6);
        assertThat(LogCapture.linesContaining("camel.component.lark.appId")).anySatisfy(
                line -> assertThat(line).contains("cli_main_summary"));
    }

    @Test
    void anUnparsableComponentDurationStopsTheStartNamingTheOptionAndTheValue() {
        Main main = new Main();
        main.addInitialProperty("camel.component.lark.request-timeout", "abc");
        try {
            assertThatThrownBy(main::start).rootCause()
                    .hasMessageContaining("Option requestTimeout must be a duration, got 'abc'");
        } finally {
            main.stop();
        }
    }
}
