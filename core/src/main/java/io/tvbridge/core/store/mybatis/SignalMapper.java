package io.tvbridge.core.store.mybatis;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the signal inbox. */
interface SignalMapper {
    String COLUMNS = "id, received_at, alert_id, body_hash, source_address, content_type, payload, action, symbol,"
            + " exchange, quantity, order_type, price, limit_price, stop_price, stop_loss, take_profit, strategy,"
            + " alert_time, comment, decision, reason, decided_at, duplicates, dry_run, target_position, conviction,"
            + " outside_rth, dialect, quantity_unit, trail_amount, trail_percent";

    @Insert("insert into signals (" + COLUMNS + ") values (#{id}, #{receivedAt}, #{alertId}, #{bodyHash},"
            + " #{sourceAddress}, #{contentType}, #{payload}, #{action}, #{symbol}, #{exchange}, #{quantity},"
            + " #{orderType}, #{price}, #{limitPrice}, #{stopPrice}, #{stopLoss}, #{takeProfit}, #{strategy},"
            + " #{alertTime}, #{comment}, #{decision}, #{reason}, #{decidedAt}, #{duplicates}, #{dryRun},"
            + " #{targetPosition}, #{conviction}, #{outsideRth}, #{dialect}, #{quantityUnit}, #{trailAmount},"
            + " #{trailPercent})")
    void insert(SignalRow row);

    @Select("select " + COLUMNS + " from signals where id = #{id}")
    SignalRow find(long id);

    @Select("<script>select " + COLUMNS + " from signals where id in"
            + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> order by id</script>")
    List<SignalRow> among(@Param("ids") java.util.Collection<Long> ids);

    @Select("select " + COLUMNS + " from signals where alert_id = #{alertId}")
    SignalRow findByAlertId(String alertId);

    @Select("select id from signals where body_hash = #{hash} and received_at >= #{since} order by id"
            + " fetch first 1 rows only")
    Long firstWithBody(@Param("hash") String bodyHash, @Param("since") Instant since);

    @Select("<script>select " + COLUMNS + " from signals where decision &lt;&gt; 'STORED' and id in"
            + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<SignalRow> decidedAmong(@Param("ids") java.util.Collection<Long> ids);

    @Update("update signals set decision = #{decision}, reason = #{reason}, decided_at = #{at} where id = #{id}")
    void updateDecision(@Param("id") long id, @Param("decision") String decision, @Param("reason") String reason,
                        @Param("at") Instant at);

    @Update("update signals set decision = #{decision}, reason = #{reason}, decided_at = #{at}, dry_run = #{dryRun}"
            + " where id = #{id} and decision = 'STORED'")
    int decideStored(@Param("id") long id, @Param("decision") String decision, @Param("reason") String reason,
                     @Param("at") Instant at, @Param("dryRun") boolean dryRun);

    /** The keys of the signals with an alert id, and of those received at or after {@code since}, oldest first. */
    @Select("select id, alert_id, body_hash, received_at from signals where decision <> 'STORED'"
            + " and (alert_id is not null or received_at >= #{since}) order by id")
    List<KeyRow> keys(@Param("since") Instant since);

    /** A signal's id, alert id, body hash and time of arrival. */
    record KeyRow(long id, String alertId, String bodyHash, Instant receivedAt) {
    }

    @Update("update signals set duplicates = duplicates + 1, last_duplicate_at = #{at} where id = #{id}")
    void recordDuplicate(@Param("id") long id, @Param("at") Instant at);

    @Select("select coalesce(max(id), 0) from signals")
    long maxId();

    @Select("select " + COLUMNS + " from signals order by id desc fetch first #{limit} rows only")
    List<SignalRow> recent(int limit);

    @Select("<script>select " + COLUMNS + " from signals <where>"
            + "<if test='from != null'> and received_at &gt;= #{from}</if>"
            + "<if test='to != null'> and received_at &lt; #{to}</if></where> order by id</script>")
    List<SignalRow> received(@Param("from") Instant from, @Param("to") Instant to);
    String FILTER = "<where><if test='symbol != null'> and symbol = #{symbol}</if>"
            + "<if test='strategy != null'> and lower(strategy) = lower(#{strategy})</if>"
            + "<if test='status != null'> and decision = #{status}</if>" + "<if test='from != null'> and received_at &gt;= #{from}</if>"
            + "<if test='to != null'> and received_at &lt; #{to}</if>" + "</where>";

    @Select("<script>select " + COLUMNS + " from signals " + FILTER + " order by id desc" + Filter.PAGE + "</script>")
    List<SignalRow> page(Filter filter);

    @Select("<script>select count(*) from signals " + FILTER + "</script>")
    long countPage(Filter filter);
}
