package io.watchkeeper.codescanner.corpus;

import java.util.List;
import java.util.Locale;

/** The languages and config formats of the corpus: how a named value is written in each. */
enum CorpusFiles {
    PY("py", "%s = \"%s\"", "import os\n", "# %s"),
    JS("js", "const %s = '%s';", "'use strict';\n", "// %s"),
    TS("ts", "export const %s: string = \"%s\";", "", "// %s"),
    GO("go", "const %s = \"%s\"", "package config\n", "// %s"),
    JAVA("java", "    static final String %s = \"%s\";", "", "    // %s"),
    RB("rb", "%s = '%s'", "# frozen_string_literal: true\n", "# %s"),
    YAML("yaml", "%s: \"%s\"", "---\n", "# %s"),
    ENV("env", "%s=%s", "", "# %s"),
    JSON("json", "  \"%s\": \"%s\",", "{\n", null),
    PROPERTIES("properties", "%s=%s", "", "# %s"),
    TF("tfvars", "%s = \"%s\"", "", "# %s"),
    SH("sh", "export %s=\"%s\"", "#!/bin/sh\nset -eu\n", "# %s");

    final String extension;
    final String assignment;
    final String header;
    final String comment;

    CorpusFiles(String extension, String assignment, String header, String comment) {
        this.extension = extension;
        this.assignment = assignment;
        this.header = header;
        this.comment = comment;
    }

    /** {@code name = value} in this format (YAML and JSON names lower-cased, the rest upper snake case). */
    String assign(String name, String value) {
        String n = this == YAML || this == JSON ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
        if (this == JAVA || this == JS || this == TS || this == GO) {
            n = name.toUpperCase(Locale.ROOT);
        }
        return String.format(Locale.ROOT, assignment, n, value);
    }

    String comment(String text) {
        return comment == null ? null : String.format(Locale.ROOT, comment, text);
    }

    String footer() {
        return this == JSON ? "  \"end\": true\n}\n" : "";
    }

    static final List<CorpusFiles> ALL = List.of(values());
}
