package io.tipdata.agent.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge that instrumented JDK classes call ({@code io.tipdata.agent.bootstrap}) on the
 * bootstrap class path, once per JVM, before anything loads it from the agent jar.
 */
final class BootstrapClasses {

    static final String BRIDGE = "io.tipdata.agent.bootstrap.TipBridge";
    private static final String[] CLASSES = {BRIDGE, "io.tipdata.agent.bootstrap.Propagation"};

    private BootstrapClasses() {
    }

    /** Tells whether the bridge is already visible to the bootstrap class loader. */
    static boolean present() {
        try {
            Class.forName(BRIDGE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (present()) {
            return;
        }
        File jar = Files.createTempFile("tip-data-agent-bootstrap", ".jar").toFile();
        jar.deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar.toPath());
                JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                String resource = name.replace('.', '/') + ".class";
                try (InputStream in = BootstrapClasses.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("the agent jar has no " + resource);
                    }
                    out.putNextEntry(new JarEntry(resource));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }
}
