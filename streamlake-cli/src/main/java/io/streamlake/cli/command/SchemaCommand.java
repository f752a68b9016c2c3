package io.streamlake.cli.command;

import com.google.inject.Inject;
import io.streamlake.cli.context.CliContext;
import io.streamlake.cli.context.GlobalOptions;
import io.streamlake.cli.context.Invocation;
import io.streamlake.cli.context.UsageException;
import io.streamlake.contracts.ContractRules;
import io.streamlake.contracts.RuleCheck;
import io.streamlake.core.domain.DatasetName;
import io.streamlake.core.domain.SchemaVersion;
import io.streamlake.runtime.ConsoleStreams;
import io.streamlake.schema.catalog.CatalogEntry;
import io.streamlake.schema.catalog.SchemaCatalog;
import io.streamlake.schema.config.SchemaConfig;
import io.streamlake.schema.registry.SchemaRegistryClient;
import io.streamlake.schema.registry.compat.EvolutionCheck;
import io.streamlake.schema.registry.compat.RuleSetRegistration;
import io.streamlake.schema.registry.compat.SchemaPreflight;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code schema list | register | check}: the catalog against the Schema Registry. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        subcommands = {
            SchemaCommand.ListCommand.class,
            SchemaCommand.RegisterCommand.class,
            SchemaCommand.CheckCommand.class
        },
        description = "Compare the schema catalog with the Schema Registry: list, register, check compatibility.")
public final class SchemaCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, register or check");
    }

    /** What the three subcommands share. */
    abstract static class Base implements Callable<Integer> {
        @Mixin(name = Invocation.GLOBAL_MIXIN)
        GlobalOptions global;

        final CliContext context;
        final ConsoleStreams console;

        Base(CliContext context, ConsoleStreams console) {
            this.context = context;
            this.console = console;
        }

        List<CatalogEntry> entries(DatasetName dataset, SchemaVersion version) {
            SchemaCatalog catalog = context.get(SchemaCatalog.class);
            List<DatasetName> datasets = dataset == null ? catalog.datasets() : List.of(dataset);
            List<CatalogEntry> out = new java.util.ArrayList<>();
            for (DatasetName d : datasets) {
                if (catalog.versions(d).isEmpty()) {
                    throw new UsageException(
                            "dataset '" + d + "' is not in the catalog (known: " + catalog.datasets() + ")");
                }
                List<SchemaVersion> versions = version == null ? catalog.versions(d) : List.of(version);
                for (SchemaVersion v : versions) {
                    try {
                        out.add(catalog.require(d, Optional.of(v)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
            }
            return out;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List the catalog's datasets and versions, each with its subject and the versions the registry holds.")
    static final class ListCommand extends Base {
        @Option(names = "--dataset", paramLabel = "DATASET", description = "Only this dataset.")
        DatasetName dataset;

        @Inject
        ListCommand(CliContext context, ConsoleStreams console) {
            super(context, console);
        }

        @Override
        public Integer call() {
            SchemaRegistryClient registry = context.get(SchemaRegistryClient.class);
            SchemaPreflight preflight = context.get(SchemaPreflight.class);
            console.out().printf("registry %s%n", registry.url());
            for (CatalogEntry entry : entries(dataset, null)) {
                String subject = preflight.subject(entry);
                String registered = registry.lookup(subject, entry.schema())
                        .map(r -> "registered: version " + r.version() + ", id " + r.id())
                        .orElse("not registered");
                console.out()
                        .printf(
                                "%-24s subject %s  %s  (registry versions: %s)%n",
                                entry.label(), subject, registered, registry.versions(subject));
            }
            console.out().flush();
            return 0;
        }
    }

    @Command(
            name = "register",
            description =
                    "Register a dataset's catalog versions (all, oldest first, or --version) under their subject.")
    static final class RegisterCommand extends Base {
        @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "The dataset.")
        DatasetName dataset;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--version", paramLabel = "vN", description = "Only this version.")
        SchemaVersion version;

        @Inject
        RegisterCommand(CliContext context, ConsoleStreams console) {
            super(context, console);
        }

        @Override
        public Integer call() {
            SchemaRegistryClient registry = context.get(SchemaRegistryClient.class);
            SchemaPreflight preflight = context.get(SchemaPreflight.class);
            boolean withRules = context.get(SchemaConfig.class).registryRules() == SchemaConfig.RegistryRules.REGISTER;
            for (CatalogEntry entry : entries(dataset, version)) {
                String subject = preflight.subject(entry);
                if (withRules && entry.rules().isPresent()) {
                    RuleSetRegistration registered = RuleSetRegistration.register(registry, subject, entry);
                    console.out()
                            .printf(
                                    "%s -> subject %s: registered as id %d, %s%n",
                                    entry.label(), subject, registered.id(), registered.summary());
                    continue;
                }
                int id = registry.register(subject, entry.schema());
                console.out().printf("%s -> subject %s: registered as id %d%n", entry.label(), subject, id);
            }
            console.out().flush();
            return 0;
        }
    }

    @Command(
            name = "check",
            description =
                    "List each catalog version's data-contract rules and whether they compile (exit 2 when one does"
                            + " not), then check a version (default: the latest) against its subject's compatibility"
                            + " rule; exit 1 when incompatible.")
    static final class CheckCommand extends Base {
        @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "The dataset.")
        DatasetName dataset;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--version", paramLabel = "vN", description = "The version (default: the latest).")
        SchemaVersion version;

        @Inject
        CheckCommand(CliContext context, ConsoleStreams console) {
            super(context, console);
        }

        @Override
        public Integer call() {
            List<CatalogEntry> all = entries(dataset, version);
            boolean rulesCompile = printRules(all);
            if (!rulesCompile) {
                console.out().flush();
                return CommandLine.ExitCode.USAGE;
            }
            SchemaPreflight preflight = context.get(SchemaPreflight.class);
            CatalogEntry entry = all.get(all.size() - 1);
            EvolutionCheck check = preflight.check(entry.dataset(), entry.version());
            console.out().println(check.summary());
            console.out().flush();
            return check.compatible() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        }

        /** Each version's rules, compiled now, one line each; false when one does not compile. */
        private boolean printRules(List<CatalogEntry> entries) {
            boolean all = true;
            for (CatalogEntry entry : entries) {
                if (entry.rules().isEmpty()) {
                    console.out().printf("%s: no rules%n", entry.label());
                    continue;
                }
                List<RuleCheck> checks = ContractRules.check(entry);
                console.out()
                        .printf(
                                "%s: %d rule(s) in %s%n",
                                entry.label(),
                                checks.size(),
                                entry.rules().get().source());
                for (RuleCheck c : checks) {
                    console.out()
                            .printf(
                                    "  %-9s %-24s %-20s %s%n",
                                    c.status().name().toLowerCase(java.util.Locale.ROOT),
                                    c.rule(),
                                    c.kind(),
                                    c.problem().orElse(c.expr()));
                    all &= c.status() != RuleCheck.Status.INVALID;
                }
            }
            return all;
        }
    }
}
