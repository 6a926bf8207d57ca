package io.watchkeeper.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console's front door; the console itself arrives with the web-console issue. */
@RestController
public class ConsoleController {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Watchkeeper</title></head>
            <body><h1>Watchkeeper</h1>
            <p>The server is running and watching on schedule. The console is not built yet;
            use the command line (<code>./watchkeeper --help</code>) and
            <a href="/actuator/health">/actuator/health</a>, <a href="/actuator/prometheus">/actuator/prometheus</a>.</p>
            </body></html>
            """;

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String index() {
        return PAGE;
    }
}
