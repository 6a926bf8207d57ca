package io.watchkeeper.auditors.output;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates documents against the published schemas under src/test/resources/schemas. */
final class SchemaValidation {

    private final JsonSchema schema;

    private SchemaValidation(String resource, SpecVersion.VersionFlag version) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = SchemaValidation.class.getResourceAsStream("/schemas/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            this.schema = JsonSchemaFactory.getInstance(version).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchemaValidation sarif() {
        return new SchemaValidation("sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V7);
    }

    static SchemaValidation ocsfDetectionFinding() {
        return new SchemaValidation("ocsf-1.3.0-detection_finding.schema.json", SpecVersion.VersionFlag.V202012);
    }

    /** The validation errors of {@code json}; empty when it is valid. */
    List<String> errors(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
