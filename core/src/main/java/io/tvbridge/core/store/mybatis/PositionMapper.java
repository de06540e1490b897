package io.tvbridge.core.store.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for expected positions. Upsert is update-then-insert, which every database understands. */
interface PositionMapper {
    String COLUMNS = "broker, account, symbol, quantity, average_cost, multiplier, realized_pnl, commissions,"
            + " updated_at";

    @Update("update positions set quantity = #{quantity}, average_cost = #{averageCost}, multiplier = #{multiplier},"
            + " realized_pnl = #{realizedPnl}, commissions = #{commissions}, updated_at = #{updatedAt}"
            + " where broker = #{broker} and account = #{account} and symbol = #{symbol}")
    int update(PositionRow row);

    @Insert("insert into positions (" + COLUMNS + ") values (#{broker}, #{account}, #{symbol}, #{quantity},"
            + " #{averageCost}, #{multiplier}, #{realizedPnl}, #{commissions}, #{updatedAt})")
    void insert(PositionRow row);

    @Select("select " + COLUMNS + " from positions where broker = #{broker} order by symbol")
    List<PositionRow> all(String broker);
}
