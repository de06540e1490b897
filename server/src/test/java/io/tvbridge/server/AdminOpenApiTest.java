package io.tvbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI description stays honest: it lists exactly the /admin calls Jersey serves. */
class AdminOpenApiTest {

    private static Set<String> served() {
        return served(List.of(AdminResource.class, AdminRecordsResource.class, AdminEventsResource.class,
                AlertExplainResource.class, SlippageResource.class));
    }

    private static Set<String> served(List<Class<?>> resources) {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> resource : resources) {
            Resource model = Resource.from(resource);
            for (Resource child : model.getChildResources()) {
                for (ResourceMethod method : child.getResourceMethods()) {
                    endpoints.add(method.getHttpMethod() + " " + join(model.getPath(), child.getPath()));
                }
            }
            for (ResourceMethod method : model.getResourceMethods()) {
                endpoints.add(method.getHttpMethod() + " " + model.getPath());
            }
        }
        return endpoints;
    }

    private static String join(String parent, String child) {
        return (parent + "/" + child).replaceAll("/+", "/").replaceAll("/$", "");
    }

    private static JsonNode description() throws IOException {
        try (InputStream in = AdminResource.class.getResourceAsStream(AdminResource.OPENAPI)) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void everyServedAdminCallIsDescribedAndNothingElse() throws IOException {
        Set<String> described = new TreeSet<>();
        description().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(described).isEqualTo(served());
        assertThat(served()).contains("GET /admin/status", "POST /admin/kill", "PUT /admin/settings",
                "POST /admin/orders/{clientOrderId}/cancel");
    }

    @Test
    void aDaemonOfSeveralAccountsServesTheSameCallsAndEachTakesTheAccount() throws IOException {
        assertThat(served(List.of(AccountsAdminResource.class)))
                .isEqualTo(served(List.of(AdminResource.class, AdminRecordsResource.class)));

        Set<String> withAccount = new TreeSet<>();
        description().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            op.getValue().path("parameters").forEach(parameter -> {
                if (parameter.path("$ref").asText().equals("#/components/parameters/Account")) {
                    withAccount.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            });
        }));
        Set<String> expected = served(List.of(AccountsAdminResource.class));
        expected.remove("GET /admin/openapi.json");
        assertThat(withAccount).isEqualTo(expected);
        assertThat(description().at("/components/parameters/Account/name").asText()).isEqualTo("account");
    }

    @Test
    void theDescriptionIsOpenApi3WithTheKeyAndEveryReferenceResolves() throws IOException {
        JsonNode doc = description();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(doc.at("/components/securitySchemes/apiKey/in").asText()).isEqualTo("header");
        Set<String> references = new TreeSet<>();
        collectReferences(doc, references);
        for (String reference : references) {
            boolean missing = doc.at(reference.substring(1)).isMissingNode();
            assertThat(missing).as(reference).isFalse();
        }
        doc.get("paths").forEach(path -> path.forEach(operation ->
                assertThat(operation.at("/responses/401").isMissingNode()).isFalse()));
    }

    private static void collectReferences(JsonNode node, Set<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
