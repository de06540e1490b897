package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for orders and their events. */
interface OrderMapper {
    String COLUMNS = "id, client_order_id, signal_id, broker, account, symbol, exchange, asset_class, side, quantity,"
            + " order_type, limit_price, stop_price, take_profit, stop_loss, reference_price, time_in_force,"
            + " outside_rth, multiplier, status, broker_order_id, filled_quantity, average_fill_price, reason,"
            + " created_at, submitted_at, updated_at, parent_client_order_id, opens, trail_amount, trail_percent,"
            + " cancel_requested_at";

    @Insert("insert into orders (" + COLUMNS + ") values (#{id}, #{clientOrderId}, #{signalId}, #{broker},"
            + " #{account}, #{symbol}, #{exchange}, #{assetClass}, #{side}, #{quantity}, #{orderType},"
            + " #{limitPrice}, #{stopPrice}, #{takeProfit}, #{stopLoss}, #{referencePrice}, #{timeInForce},"
            + " #{outsideRth}, #{multiplier}, #{status}, #{brokerOrderId}, #{filledQuantity},"
            + " #{averageFillPrice}, #{reason}, #{createdAt}, #{submittedAt}, #{updatedAt}, #{parentClientOrderId},"
            + " #{opens}, #{trailAmount}, #{trailPercent}, #{cancelRequestedAt})")
    void insert(OrderRow row);

    @Select("select " + COLUMNS + " from orders where client_order_id = #{clientOrderId}")
    OrderRow find(String clientOrderId);

    @Select("select " + COLUMNS + " from orders where signal_id = #{signalId} order by id")
    List<OrderRow> ofSignal(long signalId);

    @Select("<script>select " + COLUMNS + " from orders where status in"
            + " <foreach item='s' collection='statuses' open='(' separator=',' close=')'>#{s}</foreach>"
            + " order by id</script>")
    List<OrderRow> inStatuses(@Param("statuses") Collection<String> statuses);

    @Select("select count(*) from orders where created_at >= #{since} and status <> 'DRY_RUN'"
            + " and parent_client_order_id is null")
    long countSince(Instant since);

    @Select("select symbol, count(*) as entries from orders where created_at >= #{since} and opens"
            + " and status <> 'DRY_RUN' group by symbol")
    List<Map<String, Object>> entriesSince(Instant since);

    @Select("<script>select " + COLUMNS + " from orders <where>"
            + "<if test='from != null'> and created_at &gt;= #{from}</if>"
            + "<if test='to != null'> and created_at &lt; #{to}</if></where> order by id</script>")
    List<OrderRow> created(@Param("from") Instant from, @Param("to") Instant to);
    String FILTER = "<where><if test='symbol != null'> and symbol = #{symbol}</if>"
            + "<if test='strategy != null'> and signal_id in (select id from signals"
            + " where lower(strategy) = lower(#{strategy}))</if>"
            + "<if test='status != null'> and status = #{status}</if>" + "<if test='from != null'> and created_at &gt;= #{from}</if>"
            + "<if test='to != null'> and created_at &lt; #{to}</if>" + "</where>";

    @Select("<script>select " + COLUMNS + " from orders " + FILTER + " order by id desc" + Filter.PAGE + "</script>")
    List<OrderRow> page(Filter filter);

    @Select("<script>select count(*) from orders " + FILTER + "</script>")
    long countPage(Filter filter);

    @Select("select coalesce(max(id), 0) from orders")
    long maxId();

    @Update("update orders set status = #{status}, multiplier = #{multiplier}, broker_order_id = #{brokerOrderId},"
            + " filled_quantity = #{filledQuantity}, average_fill_price = #{averageFillPrice}, reason = #{reason},"
            + " submitted_at = #{submittedAt}, updated_at = #{updatedAt}, cancel_requested_at = #{cancelRequestedAt}"
            + " where client_order_id = #{clientOrderId}")
    int saveProgress(@Param("clientOrderId") String clientOrderId, @Param("status") String status,
                     @Param("multiplier") BigDecimal multiplier, @Param("brokerOrderId") String brokerOrderId,
                     @Param("filledQuantity") BigDecimal filledQuantity,
                     @Param("averageFillPrice") BigDecimal averageFillPrice, @Param("reason") String reason,
                     @Param("submittedAt") Instant submittedAt, @Param("updatedAt") Instant updatedAt,
                     @Param("cancelRequestedAt") Instant cancelRequestedAt);

    @Insert("insert into order_events (client_order_id, status, filled_quantity, average_fill_price,"
            + " broker_order_id, reason, event_time, recorded_at) values (#{clientOrderId}, #{status},"
            + " #{filledQuantity}, #{averageFillPrice}, #{brokerOrderId}, #{reason}, #{eventTime}, #{recordedAt})")
    void insertEvent(@Param("clientOrderId") String clientOrderId, @Param("status") String status,
                     @Param("filledQuantity") BigDecimal filledQuantity,
                     @Param("averageFillPrice") BigDecimal averageFillPrice,
                     @Param("brokerOrderId") String brokerOrderId, @Param("reason") String reason,
                     @Param("eventTime") Instant eventTime, @Param("recordedAt") Instant recordedAt);
}
