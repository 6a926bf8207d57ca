package io.watchkeeper.codescanner.taint;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysed Java sources: parsed with JavaParser (Java 21 syntax) and indexed by class, with a
 * symbol solver over the JDK (reflection) and the project's own types. Library types that are not on
 * the class path (servlet, Spring) are named through the compilation unit's imports, so the model can
 * still match them by fully qualified name.
 */
final class JavaProject {

    /** One source file: repository path and text. */
    record SourceFile(String path, String text) {}

    /** A class, interface, enum or record of the project. */
    record ClassInfo(String fqn, String simple, TypeDeclaration<?> decl, CompilationUnit cu, String path, String pkg,
                     Map<String, FieldDeclaration> fields, Map<String, Type> fieldTypes,
                     Map<String, List<CallableDeclaration<?>>> methods, List<String> supertypes) {
        boolean isInterface() {
            return decl instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        }
    }

    private static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Short", "Byte", "Double", "Float",
            "Boolean", "Character", "Object", "Runtime", "ProcessBuilder", "System", "StringBuilder", "StringBuffer", "Math",
            "Thread", "Class", "Number", "Process", "Iterable", "CharSequence", "Enum", "Record");

    private final Map<String, ClassInfo> byFqn = new LinkedHashMap<>();
    private final Map<String, List<ClassInfo>> bySimple = new HashMap<>();
    private final Map<CompilationUnit, Map<String, String>> importCache = new java.util.IdentityHashMap<>(); // Node.hashCode walks the tree
    private final TypeSolver solver;
    private final TaintModel model;
    private int parseFailures;
    private long lines;

    private JavaProject(TaintModel model) {
        this.model = model;
        CombinedTypeSolver combined = new CombinedTypeSolver();
        combined.add(new ReflectionTypeSolver(true));
        combined.add(new ProjectTypes());
        this.solver = combined;
    }

    /** Parses every file (each within {@code maxFileChars}); files that do not parse are counted and left out. */
    static JavaProject parse(List<SourceFile> files, TaintModel model, int maxFileChars) {
        JavaProject p = new JavaProject(model);
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setSymbolResolver(new JavaSymbolSolver(p.solver))
                .setAttributeComments(false);
        JavaParser parser = new JavaParser(config);
        for (SourceFile f : files) {
            if (f.text().length() > maxFileChars) {
                p.parseFailures++;
                continue;
            }
            try {
                ParseResult<CompilationUnit> r = parser.parse(f.text());
                if (r.getResult().isEmpty() || !r.isSuccessful()) {
                    p.parseFailures++;
                    continue;
                }
                p.lines += f.text().lines().count();
                p.index(r.getResult().get(), f.path());
            } catch (RuntimeException | StackOverflowError e) {
                p.parseFailures++; // hostile nesting or a parser defect: this file is left out
            }
        }
        return p;
    }

    private void index(CompilationUnit cu, String path) {
        String pkg = cu.getPackageDeclaration().map(d -> d.getNameAsString()).orElse("");
        for (TypeDeclaration<?> t : cu.getTypes()) {
            index(cu, path, pkg, t, pkg.isEmpty() ? t.getNameAsString() : pkg + "." + t.getNameAsString());
        }
    }

    private void index(CompilationUnit cu, String path, String pkg, TypeDeclaration<?> t, String fqn) {
        Map<String, FieldDeclaration> fields = new HashMap<>();
        Map<String, Type> fieldTypes = new HashMap<>();
        Map<String, List<CallableDeclaration<?>>> methods = new HashMap<>();
        List<String> supers = new ArrayList<>();
        if (t instanceof ClassOrInterfaceDeclaration c) {
            c.getExtendedTypes().forEach(x -> supers.add(x.getNameWithScope()));
            c.getImplementedTypes().forEach(x -> supers.add(x.getNameWithScope()));
        }
        if (t instanceof RecordDeclaration r) {
            r.getImplementedTypes().forEach(x -> supers.add(x.getNameWithScope()));
            r.getParameters().forEach(p -> fieldTypes.put(p.getNameAsString(), p.getType()));
        }
        for (BodyDeclaration<?> m : t.getMembers()) {
            if (m instanceof FieldDeclaration fd) {
                for (VariableDeclarator v : fd.getVariables()) {
                    fields.put(v.getNameAsString(), fd);
                    fieldTypes.put(v.getNameAsString(), v.getType());
                }
            } else if (m instanceof MethodDeclaration md) {
                methods.computeIfAbsent(md.getNameAsString(), k -> new ArrayList<>()).add(md);
            } else if (m instanceof ConstructorDeclaration cd) {
                methods.computeIfAbsent("<init>", k -> new ArrayList<>()).add(cd);
            } else if (m instanceof TypeDeclaration<?> inner) {
                index(cu, path, pkg, inner, fqn + "." + inner.getNameAsString());
            }
        }
        ClassInfo info = new ClassInfo(fqn, t.getNameAsString(), t, cu, path, pkg, fields, fieldTypes, methods, supers);
        byFqn.putIfAbsent(fqn, info);
        bySimple.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(info);
    }

    List<ClassInfo> classes() {
        return List.copyOf(byFqn.values());
    }

    int parseFailures() {
        return parseFailures;
    }

    long lines() {
        return lines;
    }

    /** The project class named {@code type} (fully qualified, or simple when that is unique), or null. */
    ClassInfo find(String type) {
        if (type == null) {
            return null;
        }
        ClassInfo c = byFqn.get(type);
        if (c != null) {
            return c;
        }
        if (!TaintModel.qualified(type)) {
            List<ClassInfo> l = bySimple.get(type.substring(type.lastIndexOf('.') + 1));
            return l != null && l.size() == 1 ? l.getFirst() : null;
        }
        return null;
    }

    /** Classes that extend or implement {@code c} (by name), at most {@code max}. */
    List<ClassInfo> implementations(ClassInfo c, int max) {
        List<ClassInfo> out = new ArrayList<>();
        for (ClassInfo k : byFqn.values()) {
            for (String s : k.supertypes()) {
                if ((s.equals(c.simple()) || s.endsWith("." + c.simple())) && c.fqn().equals(qualify(k, s))) {
                    out.add(k);
                    break;
                }
            }
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }

    /** The declarations named {@code name} with {@code arity} arguments in {@code c} or its project superclasses. */
    List<CallableDeclaration<?>> methods(ClassInfo c, String name, int arity) {
        for (int depth = 0; c != null && depth < 8; depth++) {
            List<CallableDeclaration<?>> out = new ArrayList<>();
            for (CallableDeclaration<?> m : c.methods().getOrDefault(name, List.of())) {
                int n = m.getParameters().size();
                boolean varargs = n > 0 && m.getParameter(n - 1).isVarArgs();
                if (n == arity || (varargs && arity >= n - 1)) {
                    out.add(m);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
            ClassInfo next = null;
            for (String s : c.supertypes()) {
                next = find(qualify(c, s));
                if (next != null) {
                    break;
                }
            }
            c = next;
        }
        return List.of();
    }

    /** The fully qualified name of a type written {@code name} in {@code ctx}, or the name as written when unknown. */
    String qualify(ClassInfo ctx, String name) {
        if (name == null || name.isEmpty() || TaintModel.qualified(name)) {
            return name;
        }
        int lt = name.indexOf('<');
        if (lt > 0) {
            name = name.substring(0, lt);
        }
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        Map<String, String> imports = imports(ctx.cu());
        String imported = imports.get(first);
        if (imported != null) {
            return imported + rest;
        }
        // a nested type of this class or of a class around it, or a type of the same package
        for (String outer = ctx.fqn(); outer.length() > ctx.pkg().length(); outer = outer.substring(0, Math.max(0, outer.lastIndexOf('.')))) {
            ClassInfo nested = byFqn.get(outer + "." + name);
            if (nested != null) {
                return nested.fqn();
            }
            if (outer.lastIndexOf('.') < 0) {
                break;
            }
        }
        String samePkg = ctx.pkg().isEmpty() ? name : ctx.pkg() + "." + name;
        if (byFqn.containsKey(samePkg)) {
            return samePkg;
        }
        if (dot < 0 && JAVA_LANG.contains(name)) {
            return "java.lang." + name;
        }
        for (ImportDeclaration i : ctx.cu().getImports()) {
            if (i.isAsterisk() && !i.isStatic()) {
                String pkg = i.getNameAsString();
                String known = model.knownType(pkg, name);
                if (known != null) {
                    return known;
                }
                if (byFqn.containsKey(pkg + "." + name)) {
                    return pkg + "." + name;
                }
            }
        }
        ClassInfo unique = find(name);
        return unique != null ? unique.fqn() : name;
    }

    private Map<String, String> imports(CompilationUnit cu) {
        return importCache.computeIfAbsent(cu, k -> {
            Map<String, String> m = new HashMap<>();
            for (ImportDeclaration i : k.getImports()) {
                if (!i.isAsterisk() && !i.isStatic()) {
                    m.put(i.getName().getIdentifier(), i.getNameAsString());
                }
            }
            return m;
        });
    }

    /** The text of a type as written, without type arguments ({@code HttpRequest.Builder}, {@code String[]}, {@code int}). */
    static String written(Type t) {
        if (t instanceof ClassOrInterfaceType c) {
            return c.getNameWithScope();
        }
        return t.asString();
    }

    /** The type of an expression by the symbol solver, or null (unresolvable library types, errors, hostile input). */
    String solvedType(Expression e) {
        long t0 = System.nanoTime();
        try {
            ResolvedType t = JavaParserFacade.get(solver).getType(e);
            if (t.isReferenceType()) {
                return t.asReferenceType().getQualifiedName();
            }
            if (t.isPrimitive()) {
                return t.asPrimitive().describe();
            }
            return null;
        } catch (RuntimeException | StackOverflowError x) {
            return null;
        } finally {
            solverNanos += System.nanoTime() - t0;
            solverCalls++;
        }
    }

    long solverNanos;
    int solverCalls;

    /** Releases the solver's caches. */
    void close() {
        JavaParserFacade.clearInstances();
    }

    /** The project's own types for the symbol solver. */
    private final class ProjectTypes implements TypeSolver {
        private TypeSolver parent;

        @Override
        public TypeSolver getParent() {
            return parent;
        }

        @Override
        public void setParent(TypeSolver parent) {
            this.parent = parent;
        }

        @Override
        public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
            ClassInfo c = byFqn.get(name);
            if (c == null) {
                return SymbolReference.unsolved();
            }
            try {
                Node n = c.decl();
                return SymbolReference.solved(JavaParserFacade.get(getRoot()).getTypeDeclaration(n));
            } catch (RuntimeException e) {
                return SymbolReference.unsolved();
            }
        }
    }
}
