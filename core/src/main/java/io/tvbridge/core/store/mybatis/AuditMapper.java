package io.tvbridge.core.store.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the audit trail and the system properties. */
interface AuditMapper {

    @Insert("insert into audit_log (at, actor, action, details) values (#{at}, #{actor}, #{action}, #{details})")
    void insert(AuditRow row);

    @Select("select id, at, actor, action, details from audit_log order by id desc fetch first #{limit} rows only")
    List<AuditRow> recent(int limit);

    String FILTER = "<where><if test='actor != null'> and actor = #{actor}</if>"
            + "<if test='action != null'> and (action = #{action} or action like #{actionFamily})</if>"
            + "<if test='from != null'> and at &gt;= #{from}</if>"
            + "<if test='to != null'> and at &lt; #{to}</if>" + "</where>";

    @Select("<script>select id, at, actor, action, details from audit_log " + FILTER + " order by id desc" + Filter.PAGE
            + "</script>")
    List<AuditRow> page(Filter filter);

    @Select("<script>select count(*) from audit_log " + FILTER + "</script>")
    long countPage(Filter filter);

    @Select("select property_value from system_properties where name = #{name}")
    String property(String name);

    @Update("update system_properties set property_value = #{value} where name = #{name}")
    int updateProperty(@Param("name") String name, @Param("value") String value);

    @Insert("insert into system_properties (name, property_value) values (#{name}, #{value})")
    void insertProperty(@Param("name") String name, @Param("value") String value);
}
