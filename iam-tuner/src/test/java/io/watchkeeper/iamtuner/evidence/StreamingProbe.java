package io.watchkeeper.iamtuner.evidence;

import io.watchkeeper.iamtuner.testing.CloudTrailLogs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Run in a small-heap JVM by {@link CloudTrailLogParserTest}: parses a huge log file generated on the fly. */
public final class StreamingProbe {

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        String head = "{\"Records\":[";
        String one = CloudTrailLogs.json(List.of(CloudTrailLogs.role("arn:aws:iam::123456789012:role/app",
                "ec2.amazonaws.com", "DescribeInstances", Instant.parse("2026-10-01T10:00:00Z"))));
        byte[] record = (one.substring(head.length(), one.length() - 2)).getBytes(StandardCharsets.UTF_8);
        long[] produced = {0};
        InputStream lazy = new InputStream() {
            private byte[] chunk = head.getBytes(StandardCharsets.UTF_8);
            private int pos;
            private int emitted;

            private boolean refill() {
                if (pos < chunk.length) {
                    return true;
                }
                if (emitted > n) {
                    return false;
                }
                emitted++;
                if (emitted <= n) {
                    byte[] next = new byte[record.length + 1];
                    System.arraycopy(record, 0, next, 0, record.length);
                    next[record.length] = (byte) (emitted == n ? ']' : ',');
                    chunk = next;
                } else {
                    chunk = "}".getBytes(StandardCharsets.UTF_8);
                }
                pos = 0;
                return true;
            }

            @Override
            public int read() {
                if (!refill()) {
                    return -1;
                }
                produced[0]++;
                return chunk[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (!refill()) {
                    return -1;
                }
                int k = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, k);
                pos += k;
                produced[0] += k;
                return k;
            }
        };
        UsageTally tally = new UsageTally();
        CloudTrailLogParser.FileResult r = new CloudTrailLogParser().parse(lazy, tally);
        System.out.println("records=" + r.records() + " states=" + tally.size() + " bytes=" + produced[0]);
    }
}
