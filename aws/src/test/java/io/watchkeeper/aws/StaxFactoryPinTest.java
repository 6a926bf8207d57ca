package io.watchkeeper.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;

/**
 * The SDK builds a StAX input factory per thread and the watch runs every scope and describe on a new
 * virtual thread; opening the AWS session factory names the factory class so that lookup is cheap,
 * and the class found stays the one the class path lookup found.
 */
class StaxFactoryPinTest {

    @Test
    void theSessionFactoryNamesTheStaxFactoryTheJdkFinds() throws Exception {
        System.clearProperty(StaxFactoryPin.PROPERTY);
        Class<?> before = XMLInputFactory.newInstance().getClass();
        try (AwsSessionFactory factory = AwsSessionThreadsTest.factory()) {
            assertThat(factory).isNotNull();
        }
        assertThat(System.getProperty(StaxFactoryPin.PROPERTY)).isEqualTo(before.getName());

        // a new (virtual) thread, as every scope runs on, gets the same factory class and its XXE switches work
        AtomicReference<XMLInputFactory> seen = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> seen.set(XMLInputFactory.newInstance()));
        t.join();
        assertThat(seen.get()).isInstanceOf(before);
        seen.get().setProperty(XMLInputFactory.SUPPORT_DTD, false);
        assertThat(seen.get().getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
    }
}
