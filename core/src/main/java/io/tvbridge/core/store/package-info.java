/** What tvbridge stores and the interfaces to store it; MyBatis lives in the mybatis sub-package only. */
package io.tvbridge.core.store;
