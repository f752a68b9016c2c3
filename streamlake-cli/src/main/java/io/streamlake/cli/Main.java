package io.streamlake.cli;

/** The {@code streamlake} command's entry point. */
public final class Main {

    private Main() {
    }

    /** Log4j 2's configuration, unless the user gives one: see {@code streamlake-log4j2.xml}. */
    static final String LOG4J2_CONFIGURATION = "log4j2.configurationFile";

    public static void main(String[] args) {
        if (System.getProperty(LOG4J2_CONFIGURATION) == null) {
            System.setProperty(LOG4J2_CONFIGURATION, "classpath:streamlake-log4j2.xml");
        }
        System.setProperty(CliLogging.PROPERTY, "true");
        System.exit(StreamLakeCli.run(args));
    }
}
