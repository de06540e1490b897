package io.tvbridge.core.store.mybatis;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for reconciliations and the differences they found. */
interface ReconciliationMapper {
    String COLUMNS = "id, at, broker, actor, outcome, positions_checked, details, resolved_at, resolved_by";
    String FILTER = "<where><if test='status != null'> and outcome = #{status}</if>" + "<if test='from != null'> and at &gt;= #{from}</if>"
            + "<if test='to != null'> and at &lt; #{to}</if>"
            + "</where>";

    @Select("select coalesce(max(id), 0) from reconciliations")
    long maxId();

    @Insert("insert into reconciliations (" + COLUMNS + ") values (#{id}, #{at}, #{broker}, #{actor}, #{outcome},"
            + " #{positionsChecked}, #{details}, #{resolvedAt}, #{resolvedBy})")
    void insert(ReconciliationRow row);

    @Insert("insert into reconciliation_differences (reconciliation_id, symbol, expected, actual)"
            + " values (#{reconciliationId}, #{symbol}, #{expected}, #{actual})")
    void insertDifference(DifferenceRow row);

    @Select("select " + COLUMNS + " from reconciliations where id = #{id}")
    ReconciliationRow find(long id);

    @Select("<script>select " + COLUMNS + " from reconciliations " + FILTER + " order by id desc" + Filter.PAGE + "</script>")
    List<ReconciliationRow> page(Filter filter);

    @Select("<script>select count(*) from reconciliations " + FILTER + "</script>")
    long countPage(Filter filter);

    @Select("<script>select reconciliation_id, symbol, expected, actual from reconciliation_differences"
            + " where reconciliation_id in"
            + " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>"
            + " order by reconciliation_id, symbol</script>")
    List<DifferenceRow> differences(@Param("ids") Collection<Long> ids);

    @Update("update reconciliations set resolved_at = #{at}, resolved_by = #{actor}"
            + " where id = #{id} and resolved_at is null")
    int resolve(@Param("id") long id, @Param("at") Instant at, @Param("actor") String actor);
}
