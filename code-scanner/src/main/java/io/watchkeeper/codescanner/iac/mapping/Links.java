package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * Which main declaration a split resource belongs to: by reference ({@code bucket =
 * aws_s3_bucket.logs.id}, {@code GroupId: !Ref WebSg}, {@code !GetAtt WebSg.GroupId}) or by a static
 * name equal to the main declaration's name.
 */
final class Links<T> {

    private final Map<String, T> byAddress = new HashMap<>();
    private final Map<String, T> byName = new HashMap<>();

    void add(String address, String name, T target) {
        byAddress.put(address, target);
        if (name != null) {
            byName.putIfAbsent(name, target);
        }
    }

    /** The target {@code v} points at, or null. */
    T find(Value v) {
        if (v instanceof Value.Unknown u && u.reference() != null) {
            String ref = u.reference().replaceAll("\\[[^\\]]*]", "");
            for (String prefix : new String[] {"Ref ", "GetAtt "}) {
                if (ref.startsWith(prefix)) {
                    String id = ref.substring(prefix.length());
                    int dot = id.indexOf('.');
                    return byLogicalId(dot < 0 ? id : id.substring(0, dot));
                }
            }
            // aws_s3_bucket.logs.id -> aws_s3_bucket.logs; module.m.aws_s3_bucket.logs.bucket -> module.m.aws_s3_bucket.logs
            int last = ref.lastIndexOf('.');
            T hit = last < 0 ? null : byAddress.get(ref.substring(0, last));
            return hit != null ? hit : byAddress.get(ref);
        }
        String name = Value.text(v);
        return name == null ? null : byName.get(name);
    }

    private T byLogicalId(String id) {
        for (var e : byAddress.entrySet()) {
            if (e.getKey().endsWith("." + id)) {
                return e.getValue();
            }
        }
        return null;
    }
}
