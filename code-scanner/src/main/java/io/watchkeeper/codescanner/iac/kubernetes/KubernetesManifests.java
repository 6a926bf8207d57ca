package io.watchkeeper.codescanner.iac.kubernetes;

import io.watchkeeper.codescanner.iac.IacFile;
import io.watchkeeper.codescanner.iac.cloudformation.YamlTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Kubernetes manifests (YAML, several documents per file, {@code List} kinds unwrapped): the pod
 * template of Pods and of the workload kinds (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
 * CronJob, ReplicationController) judged for what lets a container escape or leak: privileged
 * containers, the host's network, PID or IPC namespace, hostPath volumes, no {@code runAsNonRoot},
 * privilege escalation not turned off, literal secrets in environment values, and images on
 * {@code :latest} (or no tag and no digest). Containers inherit the pod's security context, as the
 * kubelet applies it. Nodes are read as composed (no object construction), within the same bounds as
 * CloudFormation templates.
 */
public final class KubernetesManifests {

    /** One problem: rule, what, where (the lines of the node that shows it). */
    public record Problem(String rule, String title, io.watchkeeper.core.finding.Severity severity, String address,
                          String kind, String name, String evidenceKey, String message, int line, int endLine) {}

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
            "ReplicationController");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential).*");

    private KubernetesManifests() {}

    /** Whether the text may be a manifest (cheap, before parsing). */
    public static boolean looksLikeManifest(String text) {
        return text.contains("apiVersion") && text.contains("kind") && (text.contains("containers") || text.contains("items"));
    }

    /**
     * The problems of a manifest file, or empty when it is not one.
     *
     * @throws IllegalArgumentException when the file does not parse (reported as skipped)
     */
    public static Optional<List<Problem>> problems(IacFile file) {
        List<Node> docs = YamlTrees.composeAll(file.text());
        List<Problem> out = new ArrayList<>();
        boolean any = false;
        for (Node doc : docs) {
            any |= object(doc, out, 0);
        }
        return any ? Optional.of(out) : Optional.empty();
    }

    private static boolean object(Node doc, List<Problem> out, int depth) {
        if (!(doc instanceof MappingNode m) || depth > 2) {
            return false;
        }
        String kind = text(get(m, "kind"));
        if (text(get(m, "apiVersion")) == null || kind == null) {
            return false;
        }
        if (kind.endsWith("List") && get(m, "items") instanceof SequenceNode items) {
            boolean any = false;
            for (Node item : items.getValue()) {
                any |= object(item, out, depth + 1);
            }
            return any;
        }
        Node meta = get(m, "metadata");
        String name = text(get(meta, "name"));
        String namespace = text(get(meta, "namespace"));
        String address = kind + "/" + (namespace == null ? "" : namespace + "/") + (name == null ? "?" : name);
        Node podSpec = switch (kind) {
            case "Pod" -> get(m, "spec");
            case "CronJob" -> get(get(get(get(get(m, "spec"), "jobTemplate"), "spec"), "template"), "spec");
            default -> WORKLOADS.contains(kind) ? get(get(get(m, "spec"), "template"), "spec") : null;
        };
        if (!(podSpec instanceof MappingNode spec)) {
            return WORKLOADS.contains(kind) || kind.equals("Pod") || kind.equals("CronJob");
        }
        new Pod(kind, name, address, spec, out).judge();
        return true;
    }

    /** One pod template's judgement. */
    private record Pod(String kind, String name, String address, MappingNode spec, List<Problem> out) {

        void judge() {
            for (String ns : List.of("hostNetwork", "hostPID", "hostIPC")) {
                Node v = get(spec, ns);
                if (isTrue(v)) {
                    add("k8s.pod/host-namespace", "Pod shares a host namespace", io.watchkeeper.core.finding.Severity.HIGH,
                            ns, ns + ": true lets the pod see and reach the node's " + ns.substring(4).toLowerCase(Locale.ROOT)
                                    + " namespace", v);
                }
            }
            if (get(spec, "volumes") instanceof SequenceNode volumes) {
                for (Node vol : volumes.getValue()) {
                    Node hostPath = get(vol, "hostPath");
                    if (hostPath != null) {
                        add("k8s.pod/host-path", "Pod mounts a host path", io.watchkeeper.core.finding.Severity.HIGH,
                                "hostPath:" + text(get(vol, "name")), "volume " + text(get(vol, "name"))
                                        + " mounts the node's " + text(get(hostPath, "path")), hostPath);
                    }
                }
            }
            Node podContext = get(spec, "securityContext");
            Boolean podNonRoot = bool(get(podContext, "runAsNonRoot"));
            for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
                if (get(spec, list) instanceof SequenceNode containers) {
                    for (Node c : containers.getValue()) {
                        container(c, podNonRoot);
                    }
                }
            }
        }

        private void container(Node c, Boolean podNonRoot) {
            String cname = text(get(c, "name"));
            String at = "container:" + (cname == null ? "?" : cname);
            Node context = get(c, "securityContext");
            Node privileged = get(context, "privileged");
            if (isTrue(privileged)) {
                add("k8s.pod/privileged", "Privileged container", io.watchkeeper.core.finding.Severity.CRITICAL, at,
                        "container " + cname + " runs privileged: every device and capability of the node", privileged);
            }
            Boolean nonRoot = bool(get(context, "runAsNonRoot"));
            Node runAsUser = get(context, "runAsUser");
            boolean root = runAsUser != null && "0".equals(text(runAsUser));
            if (root || !Boolean.TRUE.equals(nonRoot != null ? nonRoot : podNonRoot)) {
                add("k8s.pod/run-as-root", "Container may run as root", io.watchkeeper.core.finding.Severity.MEDIUM, at,
                        "container " + cname + (root ? " runs as user 0" : " does not set runAsNonRoot: true (nor its pod)"),
                        root ? runAsUser : context != null ? context : c);
            }
            Node escalation = get(context, "allowPrivilegeEscalation");
            if (!Boolean.FALSE.equals(bool(escalation))) {
                add("k8s.pod/privilege-escalation", "Container may gain privileges",
                        io.watchkeeper.core.finding.Severity.MEDIUM, at, "container " + cname
                                + (escalation == null ? " does not set allowPrivilegeEscalation: false"
                                        : " allows privilege escalation"), escalation != null ? escalation : context != null ? context : c);
            }
            if (get(c, "env") instanceof SequenceNode env) {
                for (Node e : env.getValue()) {
                    String var = text(get(e, "name"));
                    Node value = get(e, "value");
                    String literal = text(value);
                    if (var != null && SECRET_NAME.matcher(var).matches() && literal != null && !literal.isBlank()
                            && !literal.startsWith("$(") && !literal.contains("{{") && !literal.startsWith("/")) {
                        add("k8s.pod/secret-in-env", "Secret written in the manifest", io.watchkeeper.core.finding.Severity.HIGH,
                                at + ":env:" + var, "container " + cname + " sets " + var
                                        + " to a literal value: use valueFrom.secretKeyRef", value);
                    }
                }
            }
            Node image = get(c, "image");
            String ref = text(image);
            if (ref != null && !ref.contains("@")) {
                int slash = ref.lastIndexOf('/');
                int colon = ref.lastIndexOf(':');
                String tag = colon > slash ? ref.substring(colon + 1) : null;
                if (tag == null || tag.equals("latest")) {
                    add("k8s.pod/image-latest", "Image not pinned", io.watchkeeper.core.finding.Severity.LOW, at,
                            "container " + cname + " uses " + (tag == null ? "an untagged image" : "the :latest tag")
                                    + ": what runs changes without a change here; pin a version or a digest", image);
                }
            }
        }

        private void add(String rule, String title, io.watchkeeper.core.finding.Severity severity, String key, String message,
                         Node node) {
            int line = node.getStartMark().map(x -> x.getLine() + 1).orElse(1);
            int end = node.getEndMark().map(x -> x.getLine() + (x.getColumn() == 0 ? 0 : 1)).orElse(line);
            out.add(new Problem(rule, title, severity, address, kind, name, key, message, line, Math.max(line, end)));
        }
    }

    static Node get(Node n, String key) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    static String text(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static Boolean bool(Node n) {
        String t = text(n);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static boolean isTrue(Node n) {
        return Boolean.TRUE.equals(bool(n));
    }
}
