package io.streamlake.cli;

/** The {@code streamlake} command's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(StreamLakeCli.run(args));
    }
}
