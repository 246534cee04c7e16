/** Personal data: forgetting a person, removing the map from this device, residents to review. */
export { EraseConfirm } from './EraseConfirm';
export { RemoveFromDevice } from './RemoveFromDevice';
export { ResidentReview } from './ResidentReview';
