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
}
