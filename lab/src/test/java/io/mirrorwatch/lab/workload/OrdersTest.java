package io.mirrorwatch.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrdersTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void orderCarriesIdCustomerAmountAndEventTime() throws Exception {
    JsonNode order = json.readTree(Orders.orderJson("o-7", 7, 1_700_000_000_000L));
    assertThat(order.get("orderId").asText()).isEqualTo("o-7");
    assertThat(order.get("customerId").asText()).isEqualTo("c-7");
    assertThat(order.get("amount").decimalValue()).isEqualByComparingTo("3.59");
    assertThat(order.get("eventTime").asLong()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void processedRecordKeepsTheOrderAndSaysWhereItWasRead() throws Exception {
    JsonNode out =
        json.readTree(
            Orders.processedJson(
                Orders.orderJson("o-1", 1, 5), "e1", "dr", "primary.orders", 2, 41));
    assertThat(out.get("orderId").asText()).isEqualTo("o-1");
    assertThat(out.get("eventId").asText()).isEqualTo("e1");
    assertThat(out.get("processedOn").asText()).isEqualTo("dr");
    assertThat(out.get("sourceTopic").asText()).isEqualTo("primary.orders");
    assertThat(out.get("sourcePartition").asInt()).isEqualTo(2);
    assertThat(out.get("sourceOffset").asLong()).isEqualTo(41);
  }

  @Test
  void valueThatIsNotJsonIsWrappedNotLost() throws Exception {
    JsonNode out =
        json.readTree(Orders.processedJson("not json {", "e2", "primary", "orders", 0, 0));
    assertThat(out.get("unparsedValue").asText()).isEqualTo("not json {");
    assertThat(out.get("eventId").asText()).isEqualTo("e2");
  }
}
