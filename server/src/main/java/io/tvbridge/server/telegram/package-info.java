/** The Telegram bot: commands from the trader's authorized chats, and notices sent to them, paced and batched. */
package io.tvbridge.server.telegram;
