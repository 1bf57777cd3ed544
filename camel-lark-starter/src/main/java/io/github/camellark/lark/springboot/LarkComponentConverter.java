package io.github.camellark.lark.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.camellark.lark.LarkConfiguration;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets the options that take an object name a Spring bean instead: {@code camel.component.lark.idempotent-repository=#myRepo}
 * (or {@code #bean:myRepo}), as camel-spring-boot's starters allow.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class LarkComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(LarkConfiguration.class, IdempotentRepository.class, Vertx.class,
            HttpClientOptions.class, SSLContextParameters.class);

    private final ApplicationContext applicationContext;

    public LarkComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES.stream().map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !source.toString().startsWith("#") || !BEAN_TYPES.contains(targetType.getType())) {
            return null;
        }
        String ref = source.toString();
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
