package io.tvbridge.core.store.mybatis;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the pending queue. */
interface PendingMapper {
    String COLUMNS = "signal_id, symbol, asset_class, outside_rth, queued_at, release_at, state, ended_at, ended_by,"
            + " note";

    @Insert("insert into pending_signals (" + COLUMNS + ") values (#{signalId}, #{symbol}, #{assetClass},"
            + " #{outsideRth}, #{queuedAt}, #{releaseAt}, #{state}, #{endedAt}, #{endedBy}, #{note})")
    void insert(PendingRow row);

    @Select("select " + COLUMNS + " from pending_signals where state = #{state} order by signal_id")
    List<PendingRow> inState(String state);

    @Select("select " + COLUMNS + " from pending_signals order by signal_id desc fetch first #{limit} rows only")
    List<PendingRow> recent(int limit);

    @Update("update pending_signals set state = #{state}, ended_at = #{at}, ended_by = #{by}, note = #{note}"
            + " where signal_id = #{signalId} and state = 'WAITING'")
    int end(@Param("signalId") long signalId, @Param("state") String state, @Param("at") Instant at,
            @Param("by") String by, @Param("note") String note);
}
