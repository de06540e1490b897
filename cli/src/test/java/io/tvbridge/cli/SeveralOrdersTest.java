package io.tvbridge.cli;

import static io.tvbridge.cli.TestDaemon.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A JSON array is several orders: each stored and decided, a resend a duplicate order by order, one bad order stores none. */
@Timeout(60)
class SeveralOrdersTest {
    @TempDir
    Path folder;

    @Test
    void eachOrderOfAnArrayIsStoredAndDecidedOnItsOwn() {
        try (TestDaemon tv = TestDaemon.start(folder)) {
            String array = "[" + TestDaemon.alert("\"symbol\":\"AAPL\",\"action\":\"buy\",\"quantity\":2,\"price\":190")
                    + "," + TestDaemon.alert("\"symbol\":\"MSFT\",\"action\":\"close\",\"price\":400") + "]";
            HttpResponse<String> response = tv.post(array);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = json(response);
            assertThat(answer.get("decision").asText()).isEqualTo("several");
            assertThat(answer.at("/orders/0/decision").asText()).isEqualTo("accepted");
            assertThat(answer.at("/orders/0/read/symbol").asText()).isEqualTo("AAPL");
            assertThat(answer.at("/orders/1/decision").asText()).isEqualTo("rejected");
            assertThat(answer.at("/orders/1/reason").asText()).contains("no open MSFT position");
            assertThat(tv.count("select count(*) from signals")).isEqualTo(2);
            assertThat(tv.count("select count(*) from orders where symbol = 'AAPL' and quantity = 2")).isEqualTo(1);

            JsonNode again = json(tv.post(array));
            assertThat(again.at("/orders/0/decision").asText()).isEqualTo("duplicate");
            assertThat(again.at("/orders/1/decision").asText()).isEqualTo("duplicate");
            assertThat(tv.count("select count(*) from orders")).isEqualTo(1);

            HttpResponse<String> bad = tv.post("[" + TestDaemon.alert("\"symbol\":\"NVDA\",\"action\":\"buy\","
                    + "\"quantity\":1,\"price\":100") + "," + TestDaemon.alert("\"symbol\":\"NQH2022\",\"action\":"
                    + "\"buy\",\"quantity\":1,\"price\":100") + "]");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).get("error").asText()).startsWith("order 2 of the array: NQH2022 is the March 2022"
                    + " contract");
            assertThat(tv.count("select count(*) from signals")).isEqualTo(2);
        }
    }
}
