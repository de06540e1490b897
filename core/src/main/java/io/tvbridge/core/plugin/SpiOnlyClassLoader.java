package io.tvbridge.core.plugin;

import io.tvbridge.broker.spi.BrokerFactory;

/**
 * The parent of every plugin jar's class loader: it shows the JDK and the broker SPI, and
 * nothing else of tvbridge, so a plugin cannot come to depend on tvbridge's internals or
 * clash with the libraries tvbridge bundles.
 */
final class SpiOnlyClassLoader extends ClassLoader {
    private static final String SPI_PACKAGE = BrokerFactory.class.getPackageName() + ".";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader spiLoader;

    SpiOnlyClassLoader() {
        super("tvbridge-spi", ClassLoader.getPlatformClassLoader());
        this.spiLoader = BrokerFactory.class.getClassLoader();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return spiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);   // the platform loader: JDK classes only
    }
}
