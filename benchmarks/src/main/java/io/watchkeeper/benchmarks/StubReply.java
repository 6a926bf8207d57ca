package io.watchkeeper.benchmarks;

/**
 * One answer of the response classes added with issue 14, before {@link AwsWireStub} counts and
 * sends it: status, content type, body, and the error code of an error answer.
 */
record StubReply(int status, String contentType, String body, String errorCode) {

    static StubReply xml(String body) {
        return new StubReply(200, "text/xml", body, null);
    }

    /** AWS JSON 1.1 protocol (X-Amz-Target). */
    static StubReply json11(String body) {
        return new StubReply(200, "application/x-amz-json-1.1", body, null);
    }

    /** REST-JSON protocol. */
    static StubReply restJson(String body) {
        return new StubReply(200, "application/json", body, null);
    }

    /** A JSON-protocol error: the code in {@code __type}. */
    static StubReply jsonError(int status, String code, String message) {
        return new StubReply(status, "application/x-amz-json-1.1", "{\"__type\":\"" + code + "\",\"message\":\""
                + message + "\"}", code);
    }

    /** A query-protocol error (ELB, RDS, CloudWatch). */
    static StubReply queryError(int status, String code, String message) {
        return new StubReply(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code>"
                + "<Message>" + message + "</Message></Error><RequestId>wk-bench</RequestId></ErrorResponse>", code);
    }

    /** A JSON string literal. */
    static String str(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
