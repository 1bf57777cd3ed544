package io.github.camellark.lark.springboot;

import io.github.camellark.lark.event.webhook.WebhookBodyLimits;
import jakarta.servlet.Filter;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * On a servlet web application (camel-platform-http-starter on Tomcat, Jetty or Undertow), Camel reads a whole request
 * body before the {@code lark:events} webhook sees it. This puts {@link LarkWebhookBodyLimitFilter} in front of Spring
 * MVC so that a body over {@code maxEventBodySize} is refused before it is read, and tells the webhook transports so,
 * so that they do not warn. {@code camel.component.lark.webhook-body-limit-filter.enabled=false} turns it off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
@ConditionalOnProperty(name = "camel.component.lark.webhook-body-limit-filter.enabled", matchIfMissing = true)
public class LarkWebhookServletAutoConfiguration {

    static final String GUARD = "the camel-lark starter's servlet filter";

    @Bean
    public FilterRegistrationBean<LarkWebhookBodyLimitFilter> larkWebhookBodyLimitFilter(ObjectProvider<CamelContext> camelContext) {
        FilterRegistrationBean<LarkWebhookBodyLimitFilter> registration
                = new FilterRegistrationBean<>(new LarkWebhookBodyLimitFilter(camelContext));
        registration.addUrlPatterns("/*");
        // before anything that could read the body (Spring's own filters only read form posts)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public CamelContextConfiguration larkWebhookBodyGuard() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                WebhookBodyLimits.of(camelContext).guardedBy(GUARD);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }
}
