package io.watchkeeper.aws;

import javax.xml.stream.XMLInputFactory;

/**
 * Names the StAX input factory the JDK would find anyway, so finding it again is cheap. The SDK's XML
 * unmarshaller (query and REST-XML protocols: EC2, IAM, RDS, ELB, CloudWatch, S3, STS) keeps one
 * {@link XMLInputFactory} per thread, and every scope and every describe fan-out runs on a new virtual
 * thread, so {@code XMLInputFactory.newInstance()} ran once for almost every call: without the
 * {@value #PROPERTY} system property it scans the class path with a {@code ServiceLoader} each time
 * (about 1.5 ms per new thread with the benchmark's class path, 2.6 % of the watch's JVM CPU in
 * the all-types benchmark; 40 µs when named). The property is set to the class that
 * lookup returns, so the factory (and its XXE settings, which the SDK applies per instance) is the same;
 * a property set by the operator is left alone.
 */
final class StaxFactoryPin {

    static final String PROPERTY = "javax.xml.stream.XMLInputFactory";

    private StaxFactoryPin() {}

    /**
     * Sets {@value #PROPERTY} to the factory class the JDK finds now, unless it is set already or that class
     * is not on the system class path (an application class loader, say a Spring Boot nested jar): a thread
     * whose context class loader is the system one must still find the class by name.
     *
     * @return whether the property names the class the lookup found
     */
    static synchronized boolean pin() {
        Class<?> found = XMLInputFactory.newInstance().getClass();
        String set = System.getProperty(PROPERTY);
        if (set != null) {
            return set.equals(found.getName());
        }
        try {
            if (Class.forName(found.getName(), false, ClassLoader.getSystemClassLoader()) != found) {
                return false;
            }
        } catch (ClassNotFoundException e) {
            return false;
        }
        System.setProperty(PROPERTY, found.getName());
        return true;
    }
}
