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

    @Select("select at, actor, action, details from audit_log order by id desc fetch first #{limit} rows only")
    List<AuditRow> recent(int limit);

    @Select("select property_value from system_properties where name = #{name}")
    String property(String name);

    @Update("update system_properties set property_value = #{value} where name = #{name}")
    int updateProperty(@Param("name") String name, @Param("value") String value);

    @Insert("insert into system_properties (name, property_value) values (#{name}, #{value})")
    void insertProperty(@Param("name") String name, @Param("value") String value);
}
