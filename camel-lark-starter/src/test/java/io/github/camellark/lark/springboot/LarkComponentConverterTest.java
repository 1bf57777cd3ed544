package io.github.camellark.lark.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/** {@code camel.component.lark.idempotent-repository=#seen} (or {@code #bean:seen}) names a Spring bean. */
class LarkComponentConverterTest {

    private static final TypeDescriptor TEXT = TypeDescriptor.valueOf(String.class);
    /** Options Spring binds from text by itself (and enums). */
    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Integer.class, Boolean.class, Long.class, int.class,
            boolean.class, long.class, Duration.class);
    private static final TypeDescriptor REPOSITORY = TypeDescriptor.valueOf(IdempotentRepository.class);

    private final IdempotentRepository seen = MemoryIdempotentRepository.memoryIdempotentRepository();
    private final GenericApplicationContext beans = new GenericApplicationContext();
    private final LarkComponentConverter converter = new LarkComponentConverter(beans);

    LarkComponentConverterTest() {
        beans.registerBean("seen", IdempotentRepository.class, () -> seen);
        beans.refresh();
    }

    @AfterEach
    void closeBeans() {
        beans.close();
    }

    @Test
    void aHashNameIsTheBeanOfThatName() {
        assertThat(converter.convert("#seen", TEXT, REPOSITORY)).isSameAs(seen);
        assertThat(converter.convert("#bean:seen", TEXT, REPOSITORY)).isSameAs(seen);
    }

    @Test
    void aValueWithoutHashOrForAnotherTypeIsLeftToSpring() {
        assertThat(converter.convert("seen", TEXT, REPOSITORY)).isNull();
        assertThat(converter.convert("#seen", TEXT, TypeDescriptor.valueOf(Runnable.class))).isNull();
    }

    @Test
    void everyOptionThatTakesAnObjectCanNameABean() {
        Set<Class<?>> objectOptions = Arrays.stream(LarkComponentConfiguration.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getType)
                .filter(type -> !VALUE_TYPES.contains(type) && !type.isEnum())
                .collect(Collectors.toSet());

        assertThat(converter.getConvertibleTypes()).extracting(GenericConverter.ConvertiblePair::getTargetType)
                .containsExactlyInAnyOrderElementsOf(objectOptions);
    }
}
