package io.streamlake.contracts;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.streamlake.schema.catalog.CatalogEntry;
import io.streamlake.schema.rules.RuleSet;
import io.streamlake.schema.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the rules of one schema version with CEL, against that version's types ({@link AvroCelTypes}): each rule
 * either compiles or gets a problem that names the file, the rule, its position in the file and, for an expression,
 * the column in {@code expr}. Supported: {@code CONDITION}/{@code CEL} and {@code TRANSFORM}/{@code CEL_FIELD}, mode
 * {@code WRITE}, onFailure {@code DLQ}, {@code NONE} or {@code ERROR} (taken as {@code DLQ}), onSuccess {@code NONE}.
 */
final class RuleCompiler {

    /**
     * CEL's options and its one runtime, created when the first rule is compiled: a catalog without rules never loads
     * CEL (about 600 classes and a tenth of the command's start-up).
     */
    private static final class Cel {
        static final CelOptions OPTIONS =
                CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

        /** One runtime for every program: programs hold their own compiled expression, and evaluate thread-safely. */
        static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addLibraries(CelExtensions.strings())
                .build();

        static final CelType PARAMS = MapType.create(SimpleType.STRING, SimpleType.STRING);

        private Cel() {}
    }

    private final CatalogEntry entry;
    private AvroCelTypes types;
    private FieldTags tags;

    RuleCompiler(CatalogEntry entry) {
        this.entry = entry;
    }

    /** The compiled rules and what was found for each. */
    record Compilation(List<CompiledRule> rules, List<RuleCheck> checks) {
        List<String> problems() {
            return checks.stream()
                    .filter(c -> c.problem().isPresent())
                    .map(c -> c.problem().get())
                    .toList();
        }
    }

    Compilation compile() {
        List<CompiledRule> rules = new ArrayList<>();
        List<RuleCheck> checks = new ArrayList<>();
        if (entry.rules().isEmpty()) {
            return new Compilation(rules, checks);
        }
        RuleSet set = entry.rules().get();
        types = new AvroCelTypes(entry.schema());
        tags = new FieldTags(entry.schema());
        refuseOthers(set, set.migrationRules(), "migrationRules", checks);
        refuseOthers(set, set.encodingRules(), "encodingRules", checks);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < set.domainRules().size(); i++) {
            RuleSpec spec = set.domainRules().get(i);
            String kind = spec.kind() + "/" + spec.type();
            String label = spec.label(i);
            String where = set.source() + ": " + label + " (" + spec.position() + ")";
            try {
                check(spec, where, names);
                if (spec.disabled()) {
                    checks.add(new RuleCheck(label, kind, spec.expr(), RuleCheck.Status.DISABLED, Optional.empty()));
                    continue;
                }
                rules.add(compile(spec, where));
                checks.add(new RuleCheck(label, kind, spec.expr(), RuleCheck.Status.COMPILED, Optional.empty()));
            } catch (Problem p) {
                checks.add(
                        new RuleCheck(label, kind, spec.expr(), RuleCheck.Status.INVALID, Optional.of(p.getMessage())));
            }
        }
        return new Compilation(List.copyOf(rules), List.copyOf(checks));
    }

    private static void refuseOthers(RuleSet set, List<RuleSpec> others, String member, List<RuleCheck> checks) {
        for (int i = 0; i < others.size(); i++) {
            RuleSpec spec = others.get(i);
            checks.add(new RuleCheck(
                    spec.label(i),
                    spec.kind() + "/" + spec.type(),
                    spec.expr(),
                    RuleCheck.Status.INVALID,
                    Optional.of(set.source() + ": " + member + " " + spec.label(i) + " (" + spec.position() + "): "
                            + member + " are not supported: StreamLake runs domainRules on write only")));
        }
    }

    /** The members' values, before any expression is compiled. */
    private void check(RuleSpec spec, String where, Set<String> names) {
        if (spec.name() == null || spec.name().isBlank()) {
            throw new Problem(where + ": has no name (the name goes into the dlq_rule header)");
        }
        if (!names.add(spec.name())) {
            throw new Problem(where + ": the name is used by an earlier rule of this file");
        }
        if (!spec.unknown().isEmpty()) {
            throw new Problem(where + ": unknown member(s) " + spec.unknown()
                    + " (a rule has name, doc, kind, mode, type, tags, params, expr, onSuccess, onFailure, disabled)");
        }
        String mode = spec.mode() == null ? "WRITE" : spec.mode();
        if (!mode.equals("WRITE")) {
            throw new Problem(where + ": mode '" + mode + "' is not supported: StreamLake only writes, so mode must be"
                    + " WRITE");
        }
        if (!"CONDITION".equals(spec.kind()) && !"TRANSFORM".equals(spec.kind())) {
            throw new Problem(where + ": kind '" + spec.kind() + "' is unknown: CONDITION or TRANSFORM");
        }
        if ("CONDITION".equals(spec.kind()) && !"CEL".equals(spec.type())) {
            throw new Problem(where + ": type '" + spec.type() + "' is not supported for a CONDITION: CEL");
        }
        if ("TRANSFORM".equals(spec.kind()) && !"CEL_FIELD".equals(spec.type())) {
            throw new Problem(where + ": type '" + spec.type() + "' is not supported for a TRANSFORM: CEL_FIELD");
        }
        String onFailure = spec.onFailure() == null ? "DLQ" : spec.onFailure();
        if (!Set.of("DLQ", "NONE", "ERROR").contains(onFailure)) {
            throw new Problem(where + ": onFailure '" + onFailure + "' is not supported: DLQ, NONE or ERROR");
        }
        if (spec.onSuccess() != null && !spec.onSuccess().equals("NONE")) {
            throw new Problem(where + ": onSuccess '" + spec.onSuccess() + "' is not supported: NONE");
        }
        if (spec.params().containsKey("dlq.topic")) {
            throw new Problem(
                    where + ": params.dlq.topic is not supported: dead letters go to the dataset's DLQ topic");
        }
        if (spec.expr() == null || spec.expr().isBlank()) {
            throw new Problem(where + ": has no expr");
        }
        if ("TRANSFORM".equals(spec.kind()) && !spec.tags().isEmpty()) {
            Set<String> unknown = new LinkedHashSet<>(spec.tags());
            unknown.removeAll(tags.all());
            if (unknown.size() == spec.tags().size()) {
                throw new Problem(where + ": no field of " + entry.label() + " has the tag(s) " + spec.tags()
                        + " (a field's tags are its Avro property \"tags\" or \"confluent:tags\")");
            }
        }
    }

    private CompiledRule compile(RuleSpec spec, String where) {
        boolean deadLetter = !"NONE".equals(spec.onFailure());
        if ("CONDITION".equals(spec.kind())) {
            CelCompiler compiler = compiler(SimpleType.BOOL, false);
            return new CompiledRule.Condition(
                    spec.name(), spec.expr(), program(compiler, spec.expr(), 0, where), deadLetter, spec.params());
        }
        int semi = separator(spec.expr());
        CelRuntime.Program guard = semi < 0
                ? null
                : program(compiler(SimpleType.BOOL, true), spec.expr().substring(0, semi), 0, where);
        CelRuntime.Program value =
                program(compiler(SimpleType.DYN, true), spec.expr().substring(semi + 1), semi + 1, where);
        return new CompiledRule.FieldTransform(
                spec.name(),
                spec.expr(),
                guard,
                value,
                Set.copyOf(spec.tags()),
                deadLetter,
                spec.params(),
                tags.byField());
    }

    private CelCompiler compiler(CelType result, boolean field) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(Cel.OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings())
                .setTypeProvider(types)
                .addVar("message", types.root())
                .addVar("params", Cel.PARAMS)
                .setResultType(result);
        if (field) {
            builder.addVar("name", SimpleType.STRING)
                    .addVar("typeName", SimpleType.STRING)
                    .addVar("tags", ListType.create(SimpleType.STRING))
                    .addVar("value", SimpleType.DYN);
        }
        return builder.build();
    }

    private static CelRuntime.Program program(CelCompiler compiler, String expr, int offset, String where) {
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(expr).getAst();
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().get(0);
            int column = offset + first.getSourceLocation().getColumn() + 1;
            String line = first.getSourceLocation().getLine() > 1
                    ? "expr line " + first.getSourceLocation().getLine() + ", column "
                    : "expr column ";
            throw new Problem(where + ": " + line + column + ": " + first.getMessage());
        }
        try {
            return Cel.RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new Problem(where + ": " + e.getMessage());
        }
    }

    /** The index of the {@code ;} that ends a CEL_FIELD guard, outside string literals; -1 when there is none. */
    static int separator(String expr) {
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                return i;
            }
        }
        return -1;
    }

    /** One rule's problem; becomes its {@link RuleCheck}. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
