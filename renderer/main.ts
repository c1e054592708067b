import { mount } from 'svelte';
import App from './App.svelte';
import { guardNavigation } from './lib/navigation-guard';
import './styles/app.css';

guardNavigation();
mount(App, { target: document.getElementById('app')! });
