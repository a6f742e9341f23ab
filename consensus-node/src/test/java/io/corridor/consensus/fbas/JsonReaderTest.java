package io.corridor.consensus.fbas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    @Test
    void reads_every_kind_of_value_with_positions() {
        String text = "{\n  \"a\": [1, -2.5e3, true, false, null],\n  \"b\": \"x\\u0041\\n\\\"\"\n}";

        JsonValue.JsonObject object = (JsonValue.JsonObject) JsonReader.read(text).value();

        JsonValue.JsonArray array = (JsonValue.JsonArray) object.get("a").orElseThrow();
        assertThat(array.position()).isEqualTo(new TextPosition(2, 8, 9));
        assertThat(array.elements()).hasSize(5);
        assertThat(((JsonValue.JsonNumber) array.elements().get(0)).integerValue()).contains(BigInteger.ONE);
        assertThat(((JsonValue.JsonNumber) array.elements().get(1)).integerValue()).isEmpty();
        assertThat(((JsonValue.JsonNumber) array.elements().get(1)).literal()).isEqualTo("-2.5e3");
        assertThat(((JsonValue.JsonBoolean) array.elements().get(2)).value()).isTrue();
        assertThat(((JsonValue.JsonBoolean) array.elements().get(3)).value()).isFalse();
        assertThat(array.elements().get(4)).isInstanceOf(JsonValue.JsonNull.class);
        assertThat(array.elements().get(4).position()).isEqualTo(new TextPosition(2, 33, 34));
        assertThat(((JsonValue.JsonString) object.get("b").orElseThrow()).value()).isEqualTo("xA\n\"");
        assertThat(object.members().keySet()).containsExactly("a", "b");
    }

    @Test
    void keeps_big_integers_exact() {
        JsonValue.JsonNumber number = (JsonValue.JsonNumber) JsonReader.read("9007199254740991").value();

        assertThat(number.integerValue()).contains(BigInteger.valueOf(9007199254740991L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [1, 2,]                 | 1 | 7  | unexpected ']', expected a value
            [1 2]                   | 1 | 4  | unexpected '2', expected ',' or ']' in array
            {"a" 1}                 | 1 | 6  | unexpected '1', expected ':' after member name
            {'a': 1}                | 1 | 2  | unexpected ''', expected a member name in double quotes
            {"a": 1,}               | 1 | 9  | unexpected '}', expected a member name in double quotes
            {"a": 1, "a": 2}        | 1 | 10 | duplicate member name "a" in object
            [01]                    | 1 | 3  | leading zeros are not allowed in numbers
            [1.]                    | 1 | 4  | expected a digit after the decimal point
            [1e]                    | 1 | 4  | expected a digit in the exponent
            [-]                     | 1 | 3  | expected a digit in number
            ["a\\qb"]               | 1 | 5  | invalid escape sequence '\\q'
            ["\\u12G4"]             | 1 | 7  | invalid hexadecimal digit 'G' in \\u escape
            [tru]                   | 1 | 2  | unexpected 't', expected a value
            [NaN]                   | 1 | 2  | unexpected 'N', expected a value
            [1] [2]                 | 1 | 5  | unexpected '[' after the end of the JSON value
            // comment              | 1 | 1  | unexpected '/', expected a value
            """)
    void rejects_malformed_json_with_the_position_of_the_problem(String text, int line, int column, String message) {
        Parsed<JsonValue> parsed = JsonReader.read(text);

        assertThat(parsed.isOk()).isFalse();
        InputError error = parsed.error();
        assertThat(error.code()).isEqualTo(InputErrorCode.JSON_SYNTAX);
        assertThat(error.message()).isEqualTo(message);
        assertThat(error.position().line()).isEqualTo(line);
        assertThat(error.position().column()).isEqualTo(column);
        assertThat(error.describe()).startsWith("line " + line + ", column " + column + ": ");
    }

    @Test
    void counts_lines_across_unix_and_windows_line_ends() {
        InputError error = JsonReader.read("[\r\n1,\n2,\r3,\n  x]").error();

        assertThat(error.position().line()).isEqualTo(5);
        assertThat(error.position().column()).isEqualTo(3);
    }

    @Test
    void rejects_unterminated_text_and_raw_control_characters() {
        assertThat(JsonReader.read("[\"abc").error().message()).isEqualTo("unexpected end of text inside a string");
        assertThat(JsonReader.read("{\"a\": [1").error().message())
                .isEqualTo("unexpected end of text, expected ',' or ']' in array");
        assertThat(JsonReader.read("").error().message()).isEqualTo("expected a JSON value but the text is empty");
        assertThat(JsonReader.read("[\"a\tb\"]").error().message())
                .isEqualTo("control character U+0009 must be escaped inside a string");
    }

    @Test
    void bounds_depth_and_size() {
        String deep = "[".repeat(65) + "]".repeat(65);
        InputError tooDeep = JsonReader.read(deep).error();
        assertThat(tooDeep.code()).isEqualTo(InputErrorCode.JSON_TOO_DEEP);
        assertThat(tooDeep.position().column()).isEqualTo(65);
        assertThat(JsonReader.read("[".repeat(64) + "]".repeat(64)).isOk()).isTrue();

        InputError tooLarge = JsonReader.read("[1, 2, 3]", 5, 10).error();
        assertThat(tooLarge.code()).isEqualTo(InputErrorCode.JSON_TOO_LARGE);
        assertThat(tooLarge.position().isKnown()).isFalse();
    }

    @Test
    void reads_the_real_snapshots() {
        for (String file : List.of(TestData.CORRECT, TestData.BROKEN, TestData.STELLAR_2019)) {
            assertThat(JsonReader.read(TestData.text(file)).isOk()).as(file).isTrue();
        }
    }
}
