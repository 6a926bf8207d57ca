package io.watchkeeper.auditors.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.finding.Check;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Feeds every registered check of a package odd configurations (every field null; every string
 * blank, every list holding a null and a hollow element) with odd related items, and expects no exception.
 */
public final class OddInputs {

    private OddInputs() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void assertNoCheckThrows(String packageName, String... skippedIds) {
        List<Check> checks = CheckRegistry.discover().all().stream()
                .filter(c -> c.getClass().getPackageName().equals(packageName))
                .filter(c -> !List.of(skippedIds).contains(c.id().id())).map(c -> (Check) c).toList();
        assertThat(checks).as("checks in " + packageName).isNotEmpty();
        for (boolean hollow : new boolean[] {false, true}) {
            TestContext context = new TestContext()
                    .with("aws.ec2.security-group", "us-east-1", "sg", build(SecurityGroupConfig.class, hollow, 0))
                    .with("aws.ec2.instance", "us-east-1", "i", build(Ec2InstanceConfig.class, hollow, 0))
                    .with("aws.rds.instance", "us-east-1", "db", build(RdsInstanceConfig.class, hollow, 0));
            for (Check check : checks) {
                Record config = build(check.configType(), hollow, 0);
                assertThatCode(() -> check.evaluate(config, context)).as("%s on %s", check.id(), config)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static <T extends Record> T build(Class<T> type, boolean hollow, int depth) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), components[i].getGenericType(), hollow, depth);
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object value(Class<?> raw, Type generic, boolean hollow, int depth) {
        if (raw == boolean.class) {
            return hollow;
        }
        if (raw == int.class || raw == long.class) {
            return raw == int.class ? (Object) 0 : (Object) 0L;
        }
        if (!hollow || depth > 2) {
            return null;
        }
        if (raw == String.class) {
            return "";
        }
        if (raw == Boolean.class) {
            return Boolean.TRUE;
        }
        if (raw == Integer.class) {
            return -1;
        }
        if (raw == Map.class) {
            return Map.of();
        }
        if (raw.isRecord()) {
            return build((Class<? extends Record>) raw, true, depth + 1);
        }
        if (raw == List.class && generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            List<Object> list = new ArrayList<>();
            list.add(null);
            list.add(value(e, e, true, depth + 1));
            return list;
        }
        return null;
    }
}
