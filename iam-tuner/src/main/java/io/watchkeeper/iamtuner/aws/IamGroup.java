package io.watchkeeper.iamtuner.aws;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A group: its policies count for its users, but groups are never rewritten (they serve many users). */
public record IamGroup(String name, String arn, SortedMap<String, String> inline, List<String> attached) {

    public IamGroup {
        inline = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(inline));
        attached = List.copyOf(attached);
    }

    public static IamGroup of(String name, String arn, Map<String, String> inline, List<String> attached) {
        return new IamGroup(name, arn, new TreeMap<>(inline), attached);
    }
}
