package io.streamlake.cli;

/** The {@code streamlake} command's entry point. */
public final class Main {

    private Main() {}

    /** Log4j 2's configuration, unless the user gives one: see {@code streamlake-log4j2.xml}. */
    static final String LOG4J2_CONFIGURATION = "log4j2.configurationFile";

    /**
     * Guice generates a class per injected constructor and provider method unless told not to; the command creates
     * each of them once, so reflection is cheaper, and generated classes cannot come from the class-data archive.
     */
    static final String GUICE_BYTECODE_GEN = "guice_bytecode_gen_option";

    public static void main(String[] args) {
        if (System.getProperty(LOG4J2_CONFIGURATION) == null) {
            System.setProperty(LOG4J2_CONFIGURATION, "classpath:streamlake-log4j2.xml");
        }
        System.setProperty(CliLogging.PROPERTY, "true");
        if (System.getProperty(GUICE_BYTECODE_GEN) == null) {
            System.setProperty(GUICE_BYTECODE_GEN, "DISABLED");
        }
        System.exit(StreamLakeCli.run(args));
    }
}
