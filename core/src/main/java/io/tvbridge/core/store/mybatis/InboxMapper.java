package io.tvbridge.core.store.mybatis;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for the signals stored by instances that do not trade, and for the ids every instance takes. */
interface InboxMapper {

    @Select(value = "select next value for " + StandbyIntakeMigration.SEQUENCE + " from system_range(1, #{count})",
            databaseId = "h2")
    @Select(value = "select nextval('" + StandbyIntakeMigration.SEQUENCE + "') from generate_series(1, #{count})",
            databaseId = "postgresql")
    List<Long> nextIds(int count);

    @Insert("insert into inbox (signal_id, received_at, instance) values (#{id}, #{receivedAt}, #{instance})")
    void insert(@Param("id") long signalId, @Param("receivedAt") Instant receivedAt,
                @Param("instance") String instance);

    @Delete("delete from inbox where signal_id = #{id}")
    int delete(long signalId);

    @Select("select signal_id from inbox order by signal_id fetch first #{limit} rows only")
    List<Long> oldest(int limit);

    @Select("select count(*) as waiting, min(received_at) as oldest from inbox")
    StateRow state();

    /** How many stored signals wait for a decision, and when the oldest arrived (null when none). */
    record StateRow(long waiting, Instant oldest) {
    }
}
