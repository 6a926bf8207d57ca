package io.watchkeeper.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 GET client over one keep-alive socket, for load generation on the machine that
 * also runs the server: it costs a fraction of {@code java.net.http.HttpClient}'s CPU per request (no
 * selector thread, no futures), so the 2 shared cores go to the application and PostgreSQL. It reads the
 * whole body (Content-Length or chunked) and reconnects when the server closes the connection.
 */
final class LeanHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final String fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** {@code headers}: extra request header lines without line ends, e.g. {@code Cookie: a=b}. */
    LeanHttpClient(String host, int port, String... headers) {
        this.host = host;
        this.port = port;
        StringBuilder sb = new StringBuilder("Host: ").append(host).append(':').append(port).append("\r\n");
        for (String h : headers) {
            if (h.indexOf('\r') >= 0 || h.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header with a line break");
            }
            sb.append(h).append("\r\n");
        }
        fixedHeaders = sb.append("Accept: */*\r\n\r\n").toString();
    }

    /** GETs {@code pathAndQuery}; returns the status code after the body was read in full. */
    int get(String pathAndQuery, int timeoutMillis) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                connect(timeoutMillis);
                out.write(("GET " + pathAndQuery + " HTTP/1.1\r\n" + fixedHeaders).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                if (attempt > 0) { // a kept-alive connection the server closed gets one retry
                    throw e;
                }
            }
        }
    }

    private void connect(int timeoutMillis) throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private int readResponse() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";", 2)[0].strip(), 16); size > 0;
                 size = Long.parseLong(line().split(";", 2)[0].strip(), 16)) {
                skip(size);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are read and ignored
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            closeAfter = true; // body until the server closes
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (closeAfter) {
            close();
        }
        return code;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                buf.write(b);
            }
            if (buf.size() > 16 * 1024) {
                throw new IOException("header line over 16 KiB");
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
