package io.tvbridge.core.store;

/**
 * This daemon no longer holds the engine's lease (another may hold it now): its transaction must
 * not be committed and it must send no more orders.
 */
public class LeaseLostException extends StoreException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String message) {
        super(message);
    }
}
