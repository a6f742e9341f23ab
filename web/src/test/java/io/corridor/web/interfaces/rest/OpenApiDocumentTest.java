package io.corridor.web.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the hand-written {@code openapi.json} true to the code. The resource classes are found by scanning
 * this package's directory in the compiled classes (so a new resource cannot be forgotten), and every
 * resource method must appear in the document with its path, HTTP method and parameters; every documented
 * operation must exist in the code.
 */
class OpenApiDocumentTest {

    private static final String PACKAGE = RootResource.class.getPackageName();
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*([\\w.-]+)\\s*:[^}]*}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("\\{([\\w.-]+)}");

    private static JsonObject document;
    /** "GET /offers/{offer_id}" → the parameters the code takes, as "query:cursor", "path:offer_id", ... */
    private static Map<String, Set<String>> endpoints;

    @BeforeAll
    static void load() throws Exception {
        document = TestValues.json(OpenApiResource.load());
        endpoints = endpoints(resourceClasses());
    }

    /** Every class of this package in the compiled classes directory that carries {@code @Path}. */
    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(
                RootResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.nio.file.Path directory = classes.resolve(PACKAGE.replace('.', '/'));
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.list(directory)) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).sorted().toList();
        }
        List<Class<?>> resources = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(PACKAGE + "." + name.substring(0, name.length() - ".class".length()), false,
                    OpenApiDocumentTest.class.getClassLoader());
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
        }
        return resources;
    }

    private static Map<String, Set<String>> endpoints(List<Class<?>> resources) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Class<?> resource : resources) {
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                Path methodPath = method.getAnnotation(Path.class);
                if (verb == null) {
                    assertThat(methodPath).as("sub-resource locator %s is not checked by this test", method).isNull();
                    continue;
                }
                String path = join(classPath, methodPath == null ? "" : methodPath.value());
                Set<String> params = found.computeIfAbsent(verb + " " + path, k -> new TreeSet<>());
                for (Parameter parameter : method.getParameters()) {
                    param(parameter, PathParam.class, "path", params);
                    param(parameter, QueryParam.class, "query", params);
                    param(parameter, HeaderParam.class, "header", params);
                    param(parameter, FormParam.class, "form", params);
                }
            }
        }
        return found;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> void param(Parameter parameter, Class<A> kind, String in,
            Set<String> params) {
        A annotation = parameter.getAnnotation(kind);
        if (annotation != null) {
            try {
                params.add(in + ":" + kind.getMethod("value").invoke(annotation));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The URL path of a class path and a method path, as OpenAPI writes it: no regexes in templates. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return TEMPLATE_REGEX.matcher(joined).replaceAll("{$1}");
    }

    /** The endpoints that are documented; the missing ones fail {@link #everyResourceMethodIsDocumented()}. */
    private static List<String> documentedEndpoints() {
        return endpoints.keySet().stream().filter(e -> operation(e) != null).toList();
    }

    private static JsonObject paths() {
        return document.getJsonObject("paths");
    }

    private static JsonObject operation(String endpoint) {
        String[] verbAndPath = endpoint.split(" ", 2);
        JsonObject path = paths().getJsonObject(verbAndPath[1]);
        return path == null ? null : path.getJsonObject(verbAndPath[0].toLowerCase(Locale.ROOT));
    }

    /** A {@code $ref} to this document's components, resolved; anything else as is. */
    private static JsonObject resolve(JsonObject value) {
        if (!value.containsKey("$ref")) {
            return value;
        }
        String ref = value.getString("$ref");
        assertThat(ref).startsWith("#/components/");
        String[] parts = ref.substring("#/".length()).split("/");
        JsonObject target = document;
        for (String part : parts) {
            target = target.getJsonObject(part);
            assertThat(target).as("target of %s", ref).isNotNull();
        }
        return resolve(target);
    }

    @Test
    void isAnOpenApi3DocumentServedAsIs() {
        assertThat(document.getString("openapi")).startsWith("3.0.");
        assertThat(document.getJsonObject("info").getString("title")).isNotBlank();
        assertThat(new OpenApiResource().openApi()).isEqualTo(OpenApiResource.load());
    }

    @Test
    void scanFindsTheResources() throws Exception {
        assertThat(resourceClasses()).contains(RootResource.class, LedgerResource.class, AccountResource.class,
                OfferResource.class, AccountOfferResource.class, OrderBookResource.class, OpenApiResource.class);
        assertThat(endpoints).containsKeys("GET /", "POST /transactions", "GET /offers/{offer_id}",
                "GET /accounts/{account_id}/offers", "GET /paths/strict-send", "GET /openapi.json");
    }

    @Test
    void everyResourceMethodIsDocumented() {
        List<String> missing = endpoints.keySet().stream().filter(e -> operation(e) == null).toList();
        assertThat(missing).as("endpoints missing from openapi.json").isEmpty();
    }

    @Test
    void everyDocumentedOperationExists() {
        List<String> documented = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths().entrySet()) {
            for (String verb : path.getValue().asJsonObject().keySet()) {
                documented.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        assertThat(documented).as("operations in openapi.json without a resource method")
                .allMatch(endpoints::containsKey);
    }

    @Test
    void everyParameterOfTheCodeIsDocumented() {
        for (String endpoint : documentedEndpoints()) {
            JsonObject operation = operation(endpoint);
            Set<String> documented = new TreeSet<>();
            if (operation.containsKey("parameters")) {
                for (JsonValue parameter : operation.getJsonArray("parameters")) {
                    JsonObject p = resolve(parameter.asJsonObject());
                    documented.add(p.getString("in") + ":" + p.getString("name"));
                }
            }
            if (operation.containsKey("requestBody")) {
                JsonObject form = operation.getJsonObject("requestBody").getJsonObject("content")
                        .getJsonObject("application/x-www-form-urlencoded");
                resolve(form.getJsonObject("schema")).getJsonObject("properties").keySet()
                        .forEach(name -> documented.add("form:" + name));
            }
            assertThat(documented).as("parameters of %s", endpoint)
                    .containsExactlyInAnyOrderElementsOf(endpoints.get(endpoint));
        }
    }

    @Test
    void everyPathTemplateVariableIsAPathParameter() {
        for (String endpoint : documentedEndpoints()) {
            Matcher names = TEMPLATE_NAME.matcher(endpoint);
            while (names.find()) {
                String name = names.group(1);
                JsonObject operation = operation(endpoint);
                boolean declared = operation.containsKey("parameters") && operation.getJsonArray("parameters").stream()
                        .map(p -> resolve(p.asJsonObject()))
                        .anyMatch(p -> p.getString("in").equals("path") && p.getString("name").equals(name)
                                && p.getBoolean("required"));
                assertThat(declared).as("path parameter %s of %s", name, endpoint).isTrue();
            }
        }
    }

    @Test
    void everyOperationAnswersSuccessAndProblems() {
        for (String endpoint : documentedEndpoints()) {
            JsonObject responses = operation(endpoint).getJsonObject("responses");
            assertThat(responses.keySet()).as("responses of %s", endpoint).contains("200", "500");
            for (Map.Entry<String, JsonValue> response : responses.entrySet()) {
                JsonObject resolved = resolve(response.getValue().asJsonObject());
                assertThat(resolved.getString("description")).isNotBlank();
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(resolved.getJsonObject("content").keySet()).as("%s %s", endpoint, response.getKey())
                            .containsExactly("application/problem+json");
                }
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            resolve(jakarta.json.Json.createObjectBuilder().add("$ref", ref).build());
        }
    }

    private static void collectRefs(JsonValue value, List<String> refs) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((key, child) -> {
                if (key.equals("$ref")) {
                    refs.add(((JsonString) child).getString());
                } else {
                    collectRefs(child, refs);
                }
            });
            case ARRAY -> value.asJsonArray().forEach(child -> collectRefs(child, refs));
            default -> {
            }
        }
    }

    @Test
    void joinsPathsAsJaxRsDoes() {
        assertThat(join("/", "")).isEqualTo("/");
        assertThat(join("/", "operations/{id}")).isEqualTo("/operations/{id}");
        assertThat(join("/ledgers", "/{sequence: [0-9]+}/")).isEqualTo("/ledgers/{sequence}");
        assertThat(join("accounts/{account_id}/offers", "")).isEqualTo("/accounts/{account_id}/offers");
    }
}
