// Microphone permission page: a visible tab is the only extension context that can show Chrome's mic prompt.
import { requestMicrophone } from '@/lib/voice/mic-permission-page';

const button = document.querySelector<HTMLButtonElement>('#allow')!;
const status = document.querySelector<HTMLElement>('#status')!;
const run = () => requestMicrophone(status);
button.addEventListener('click', run);
void run();
