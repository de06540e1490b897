package io.tvbridge.core.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the settings table. */
interface SettingsMapper {

    @Select("select name, setting_value from settings order by name")
    List<Map<String, Object>> all();

    @Update("update settings set setting_value = #{value}, updated_at = #{at}, updated_by = #{actor}"
            + " where name = #{name}")
    int update(@Param("name") String name, @Param("value") String value, @Param("at") Instant at,
               @Param("actor") String actor);

    @Insert("insert into settings (name, setting_value, updated_at, updated_by) values (#{name}, #{value}, #{at},"
            + " #{actor})")
    void insert(@Param("name") String name, @Param("value") String value, @Param("at") Instant at,
                @Param("actor") String actor);
}
