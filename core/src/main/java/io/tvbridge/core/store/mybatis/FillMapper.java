package io.tvbridge.core.store.mybatis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for fills. */
interface FillMapper {
    String COLUMNS = "broker, execution_id, client_order_id, symbol, side, quantity, price, commission,"
            + " commission_currency, filled_at, recorded_at, realized_pnl";

    @Select("select count(*) from fills where broker = #{broker} and execution_id = #{executionId}")
    int count(@Param("broker") String broker, @Param("executionId") String executionId);

    @Insert("insert into fills (" + COLUMNS + ") values (#{broker}, #{executionId}, #{clientOrderId}, #{symbol},"
            + " #{side}, #{quantity}, #{price}, #{commission}, #{commissionCurrency}, #{filledAt}, #{recordedAt},"
            + " #{realizedPnl})")
    void insert(FillRow row);

    @Select("select coalesce(sum(quantity), 0) from fills where client_order_id = #{clientOrderId}")
    BigDecimal sumQuantity(String clientOrderId);

    @Select("select coalesce(sum(realized_pnl), 0) from fills where filled_at >= #{since}")
    BigDecimal realizedSince(Instant since);

    @Select("select coalesce(sum(commission), 0) from fills where filled_at >= #{since}")
    BigDecimal commissionsSince(Instant since);

    @Select("select f.symbol, f.price from fills f where f.id = (select max(g.id) from fills g where g.symbol = f.symbol)")
    List<Map<String, Object>> lastPrices();

    @Select("select " + COLUMNS + " from fills where client_order_id = #{clientOrderId} order by id")
    List<FillRow> ofOrder(String clientOrderId);

    /** A fill with the signal and strategy behind its order; left joins, so that no fill is ever left out. */
    String JOURNAL_COLUMNS = "select f.broker, f.execution_id, f.client_order_id, f.symbol, f.side, f.quantity,"
            + " f.price, f.commission, f.commission_currency, f.filled_at, f.recorded_at, f.realized_pnl, o.signal_id,"
            + " s.strategy from fills f left join orders o on o.client_order_id = f.client_order_id"
            + " left join signals s on s.id = o.signal_id";

    @Select("<script>" + JOURNAL_COLUMNS + " <where>"
            + "<if test='from != null'> and f.filled_at &gt;= #{from}</if>"
            + "<if test='to != null'> and f.filled_at &lt; #{to}</if></where> order by f.filled_at, f.id</script>")
    List<JournalFillRow> between(@Param("from") Instant from, @Param("to") Instant to);

    /** Fills by symbol, strategy and time, newest first. */
    String FILTER = " <where><if test='symbol != null'> and f.symbol = #{symbol}</if>"
            + "<if test='strategy != null'> and lower(s.strategy) = lower(#{strategy})</if>"
            + "<if test='from != null'> and f.filled_at &gt;= #{from}</if>"
            + "<if test='to != null'> and f.filled_at &lt; #{to}</if>" + "</where>";

    @Select("<script>" + JOURNAL_COLUMNS + FILTER + " order by f.id desc" + Filter.PAGE + "</script>")
    List<JournalFillRow> page(Filter filter);

    @Select("<script>select count(*) from fills f left join orders o on o.client_order_id = f.client_order_id"
            + " left join signals s on s.id = o.signal_id" + FILTER + "</script>")
    long countPage(Filter filter);
}
