package io.tvbridge.core.store.mybatis;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for the journals brokers keep in the database, one row per line. */
interface BrokerJournalMapper {

    @Select("select coalesce(max(seq), 0) from broker_journal where broker = #{broker} and name = #{name}")
    long lastSeq(@Param("broker") String broker, @Param("name") String name);

    @Insert("insert into broker_journal (broker, name, seq, line, written_at)"
            + " values (#{broker}, #{name}, #{seq}, #{line}, #{at})")
    void insert(@Param("broker") String broker, @Param("name") String name, @Param("seq") long seq,
                @Param("line") String line, @Param("at") Instant at);

    @Select("select line from broker_journal where broker = #{broker} and name = #{name} order by seq")
    List<String> lines(@Param("broker") String broker, @Param("name") String name);
}
