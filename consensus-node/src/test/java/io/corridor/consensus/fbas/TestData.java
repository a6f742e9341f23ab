package io.corridor.consensus.fbas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The stellarbeat snapshots under src/test/resources/fbas (see the README there). */
final class TestData {

    static final String CORRECT = "correct.json";
    static final String BROKEN = "broken.json";
    static final String STELLAR_2019 = "stellarbeat_nodes_2019-09-17.json";

    private TestData() {
    }

    static Path path(String name) {
        try {
            return Path.of(TestData.class.getResource("/fbas/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fbas fbas(String name) {
        return Fbas.fromStellarbeatJson(text(name)).value();
    }

    /** Public keys in file order: fbas_analyzer's published results number nodes this way. */
    static List<String> publicKeysInFileOrder(String name) {
        JsonValue.JsonArray nodes = (JsonValue.JsonArray) JsonReader.read(text(name)).value();
        List<String> keys = new ArrayList<>();
        for (JsonValue node : nodes.elements()) {
            JsonValue key = ((JsonValue.JsonObject) node).get("publicKey").orElseThrow();
            keys.add(((JsonValue.JsonString) key).value());
        }
        return keys;
    }

    /** The public keys of the nodes at the given positions of the file, sorted. */
    static List<String> byIndex(String name, int... indexes) {
        List<String> keys = publicKeysInFileOrder(name);
        List<String> result = new ArrayList<>();
        for (int index : indexes) {
            result.add(keys.get(index));
        }
        result.sort(null);
        return result;
    }
}
